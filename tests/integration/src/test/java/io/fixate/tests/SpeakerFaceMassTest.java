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
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        for (Path clip : clips) {
            List<Optional<FaceFinder.Box>> faces = faces(clip);
            shares.computeIfAbsent("centre-bias", name -> new ArrayList<>()).addAll(centreBiasShares(clip, faces));
            shares.computeIfAbsent("stanet", name -> new ArrayList<>())
                    .addAll(modelShares("stanet", ModelOptions.defaults(), clip, faces));
            shares.computeIfAbsent("stanet (benchmark)", name -> new ArrayList<>()).addAll(modelShares("stanet",
                    ModelOptions.builder().property("bundled", "benchmark").build(), clip, faces));
            shares.computeIfAbsent("classic-baseline", name -> new ArrayList<>())
                    .addAll(modelShares("classic-baseline", ModelOptions.defaults(), clip, faces));
        }
        Map<String, Double> means = new LinkedHashMap<>();
        shares.forEach((model, values) -> means.put(model,
                values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        int withFace = shares.get("centre-bias").size();
        System.out.printf("speaker-face mass share over %d GRID frames with a face: %s%n", withFace, means);
        assertTrue(withFace >= 0.8 * 75 * clips.size(), "the cascade found a face in only " + withFace + " frames");
        assertTrue(means.get("stanet") > means.get("centre-bias"), "face mass shares " + means);
    }

    /** The largest face of each frame of {@code clip}, in order. */
    private static List<Optional<FaceFinder.Box>> faces(Path clip) throws IOException {
        List<Optional<FaceFinder.Box>> faces = new ArrayList<>();
        try (FaceFinder finder = new FaceFinder(); MediaClip media = MediaClip.of(clip, ReadOptions.DEFAULT)) {
            for (FrameWithAudio input : media) {
                faces.add(finder.largestFace(input.frame()));
            }
        }
        return faces;
    }

    private static List<Double> modelShares(String model, ModelOptions options, Path clip,
                                            List<Optional<FaceFinder.Box>> faces) {
        List<FixationMap> maps;
        try (FixationPredictor predictor = Fixate.predictor(model, options);
             MediaClip media = MediaClip.of(clip, ReadOptions.DEFAULT)) {
            maps = predictor.predictClip(media);
        }
        assertEquals(faces.size(), maps.size(), model + ": one map per frame of " + clip);
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            FixationMap map = maps.get(i);
            FixationMap atFrameSize = map.resized(map.frameWidth(), map.frameHeight());
            float[] values = atFrameSize.toArray();
            faces.get(i).ifPresent(face -> shares.add(share(values, atFrameSize.width(), face)));
        }
        return shares;
    }

    private static List<Double> centreBiasShares(Path clip, List<Optional<FaceFinder.Box>> faces) {
        int width;
        int height;
        try (MediaClip media = MediaClip.of(clip, ReadOptions.DEFAULT)) {
            FrameWithAudio first = media.iterator().next();
            width = first.frame().width();
            height = first.frame().height();
        }
        double[] centre = ReferenceMaps.centreGaussian(height, width).toArray();
        float[] values = new float[centre.length];
        for (int i = 0; i < centre.length; i++) {
            values[i] = (float) centre[i];
        }
        return faces.stream().flatMap(Optional::stream).map(face -> share(values, width, face)).toList();
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
