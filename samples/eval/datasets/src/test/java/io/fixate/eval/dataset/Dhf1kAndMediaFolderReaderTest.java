package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationPoint;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny DHF1K-shaped dataset and a plain folder of clips, as users bring them. */
class Dhf1kAndMediaFolderReaderTest {

    private static final int WIDTH = 8;
    private static final int HEIGHT = 6;
    private static final int FRAMES = 3;

    @TempDir
    Path dir;

    /** Video 0600 as a frame folder, 0601 as a file, 0701 as a frame folder; frame k fixated at (k, 1). */
    private Path dhf1k() throws IOException {
        Path root = dir.resolve("DHF1K");
        for (String id : List.of("0600", "0601", "0701")) {
            Path annotation = root.resolve("annotation").resolve(id);
            for (int k = 0; k < FRAMES; k++) {
                String name = String.format("%04d.png", k + 1);
                int[][] density = new int[HEIGHT][WIDTH];
                density[1][k] = 65535;
                density[2][k] = 30000;
                Fixtures.png16(annotation.resolve("maps").resolve(name), density);
                int[][] fixation = new int[HEIGHT][WIDTH];
                fixation[1][k] = 65535;
                Fixtures.png16(annotation.resolve("fixation").resolve(name), fixation);
                if (!id.equals("0601")) {
                    Fixtures.colourJpeg(root.resolve("video").resolve(id).resolve(name), WIDTH, HEIGHT,
                            Fixtures.greyOfFrame(k));
                }
            }
        }
        Fixtures.video(root.resolve("video").resolve("0601.mp4"), 16, 16, 30, FRAMES + 2, true);
        return root;
    }

    @Test
    void dhf1kIsSplitByVideoNumberAndItsFramesComeFromFoldersOrFiles() throws IOException {
        EvalDataset dhf1k = Datasets.open(dhf1k());

        assertEquals(DatasetLayout.DHF1K, dhf1k.layout());
        assertEquals(List.of("0600"), dhf1k.split("train").stream().map(VideoEntry::id).toList());
        assertEquals(List.of("0601"), dhf1k.split("val").stream().map(VideoEntry::id).toList());
        assertEquals(List.of("0701"), dhf1k.split("test").stream().map(VideoEntry::id).toList());
        assertEquals(new VideoFormat(FRAMES, 30, WIDTH, HEIGHT), dhf1k.video("0600").format());
        assertEquals(FRAMES, dhf1k.video("0601").format().frameCount(), "the annotated frames of a longer file");
        assertEquals(FRAMES, count(dhf1k.video("0600").media(AudioRequirement.DEFAULT)));
        assertEquals(FRAMES + 2, count(dhf1k.video("0601").media(AudioRequirement.DEFAULT)));
    }

    @Test
    void dhf1kGroundTruthIsTheDensityAndTheBinaryFixationMapOfEachFrame() throws IOException {
        GroundTruth second = Datasets.open(dhf1k()).video("0701").groundTruth().orElseThrow().frame(1);

        assertEquals(1, second.density().get(1, 1), 1e-12);
        assertEquals(30000 / 65535.0, second.density().get(2, 1), 1e-12);
        assertEquals(1, second.fixations().get(1, 1));
        assertEquals(1, sum(second.fixations().toArray()));
    }

    @Test
    void dhf1kClipsCarryTheirGazeFrameByFrameAndItsFilesInTheirFingerprint() throws IOException {
        Path root = dhf1k();
        TrainingClip clip = DatasetClips.trainingData(Datasets.open(root)).training().get(0);

        RecordedGaze gaze = clip.gaze().orElseThrow();
        assertEquals(List.of(new FixationPoint(2.5 / WIDTH, 1.5 / HEIGHT, 1f)), gaze.fixations(2));
        assertEquals(1f, gaze.density(2).orElseThrow().value(2, 1));
        assertEquals(List.of(), gaze.fixations(FRAMES), "no record past the annotated frames");
        String before = clip.fingerprint();

        Fixtures.png16(root.resolve("annotation/0600/fixation/0002.png"), WIDTH, HEIGHT, 0);
        String after = DatasetClips.trainingData(Datasets.open(root)).training().get(0).fingerprint();
        assertEquals(before.substring(0, 64), after.substring(0, 64), "the same frames");
        assertNotEquals(before, after, "changed fixations are other training data");
    }

    @Test
    void aFolderOfClipsIsUntaggedTrainingDataWithoutGazeOrGroundTruth() throws IOException {
        Path clips = dir.resolve("clips");
        Fixtures.video(clips.resolve("b.mp4"), 16, 16, 25, 2, false);
        Fixtures.video(clips.resolve("a.mkv"), 16, 16, 25, 2, true);
        Fixtures.text(clips.resolve("README.md"), "not a video");

        EvalDataset folder = Datasets.open(clips);
        assertEquals(DatasetLayout.MEDIA_FOLDER, folder.layout());
        assertEquals(List.of("a.mkv", "b.mp4"), folder.split("train").stream().map(VideoEntry::id).toList());
        TrainingData data = DatasetClips.trainingData(folder);
        assertEquals(List.of(), data.labels());
        assertTrue(data.training().stream().allMatch(clip -> clip.tags().isEmpty() && clip.gaze().isEmpty()));
        assertEquals(List.of(), data.validation());
        assertThrows(InvalidOptionsException.class, data::requireTags, "a labeler cannot learn from it");
    }

    @Test
    void untaggedClipsJoinTaggedOnesAndAnUntaggedDatasetTakesTheExtrasLabels() throws IOException {
        Path clips = dir.resolve("clips");
        Fixtures.video(clips.resolve("a.mp4"), 16, 16, 25, 2, false);
        TrainingData data = DatasetClips.trainingData(Datasets.open(dhf1k()), List.of(Datasets.open(clips)),
                DatasetClips.GroundTruthUse.RECORDED_GAZE);

        assertEquals(List.of("0600", "clips/a.mp4"), data.training().stream().map(TrainingClip::id).toList());
        assertTrue(data.training().get(0).gaze().isPresent());
        assertTrue(data.training().get(1).gaze().isEmpty());
    }

    private static int count(Iterable<FrameWithAudio> frames) {
        int n = 0;
        for (FrameWithAudio ignored : frames) {
            n++;
        }
        return n;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
