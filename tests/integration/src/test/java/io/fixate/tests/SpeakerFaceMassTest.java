package io.fixate.tests;

import io.fixate.Fixate;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.ModelOptions;
import io.fixate.codec.MediaClip;
import io.fixate.codec.ReadOptions;
import io.fixate.eval.evaluation.ReferenceMaps;
import io.fixate.fixtures.SharedMedia;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On the GRID clips (one person speaking to the camera), where viewers look at the speaker's face, the default model
 * must put more of its map's mass inside the face box than centre bias does. The face is found in each frame by
 * {@link FaceFinder}; frames where it finds none are left out for every model alike. The shares of the other bundled
 * models are printed beside it for docs/real-footage.md.
 */
class SpeakerFaceMassTest {

    @Test
    void theDefaultModelPutsMoreMassOnTheSpeakersFaceThanCentreBias() throws IOException {
        Path grid = SharedMedia.gridDirectory().orElse(null);
        assumeTrue(grid != null, "../shared/media/grid is not beside the project");
        List<Path> clips;
        try (Stream<Path> files = Files.list(grid)) {
            clips = files.filter(f -> f.toString().endsWith(".mpg")).sorted().toList();
        }
        List<ClipFaces> faces = new ArrayList<>();
        try (FaceFinder finder = new FaceFinder()) {
            for (Path clip : clips) {
                faces.add(ClipFaces.find(finder, clip));
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        means.put("centre-bias", mean(faces.stream().flatMap(ClipFaces::centreBiasShares).toList()));
        means.put("stanet", meanShare("stanet", ModelOptions.defaults(), faces));
        means.put("stanet (benchmark)", meanShare("stanet",
                ModelOptions.builder().property("bundled", "benchmark").build(), faces));
        means.put("classic-baseline", meanShare("classic-baseline", ModelOptions.defaults(), faces));
        long withFace = faces.stream().flatMap(clip -> clip.boxes().stream()).filter(Optional::isPresent).count();
        System.out.printf("speaker-face mass share over %d GRID frames with a face: %s%n", withFace, means);
        assertTrue(withFace >= 0.8 * 75 * clips.size(), "the cascade found a face in only " + withFace + " frames");
        assertTrue(means.get("stanet") > means.get("centre-bias"), "face mass shares " + means);
    }

    /** A clip, its frame size and the largest face of each of its frames, in order. */
    private record ClipFaces(Path clip, int width, int height, List<Optional<FaceFinder.Box>> boxes) {

        static ClipFaces find(FaceFinder finder, Path clip) {
            List<Optional<FaceFinder.Box>> boxes = new ArrayList<>();
            int width = 0;
            int height = 0;
            try (MediaClip media = MediaClip.of(clip, ReadOptions.DEFAULT)) {
                for (FrameWithAudio input : media) {
                    width = input.frame().width();
                    height = input.frame().height();
                    boxes.add(finder.largestFace(input.frame()));
                }
            }
            return new ClipFaces(clip, width, height, boxes);
        }

        /** Centre bias's share inside each found face: one map for every frame of the clip. */
        Stream<Double> centreBiasShares() {
            double[] centre = ReferenceMaps.centreGaussian(height, width).toArray();
            float[] values = new float[centre.length];
            for (int i = 0; i < centre.length; i++) {
                values[i] = (float) centre[i];
            }
            return boxes.stream().flatMap(Optional::stream).map(face -> share(values, width, face));
        }
    }

    /** The mean share of {@code model}'s maps inside the faces of every clip; the model is opened once. */
    private static double meanShare(String model, ModelOptions options, List<ClipFaces> clips) {
        List<Double> shares = new ArrayList<>();
        try (FixationPredictor predictor = Fixate.predictor(model, options)) {
            for (ClipFaces clip : clips) {
                List<FixationMap> maps;
                try (MediaClip media = MediaClip.of(clip.clip(), ReadOptions.DEFAULT)) {
                    maps = predictor.predictClip(media);
                }
                assertEquals(clip.boxes().size(), maps.size(), model + ": one map per frame of " + clip.clip());
                for (int i = 0; i < maps.size(); i++) {
                    FixationMap atFrameSize = maps.get(i).resized(clip.width(), clip.height());
                    float[] values = atFrameSize.toArray();
                    clip.boxes().get(i).ifPresent(face -> shares.add(share(values, clip.width(), face)));
                }
            }
        }
        return mean(shares);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The share of the map's mass inside {@code face}. */
    private static double share(float[] values, int width, FaceFinder.Box face) {
        double inside = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i];
            if (face.contains(i % width, i / width)) {
                inside += values[i];
            }
        }
        return total > 0 ? inside / total : 0;
    }
}
