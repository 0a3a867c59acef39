package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FixationPoint;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.eval.metrics.Grid;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.TrainingClip;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A STAViS data root with two databases, written here: DIEM (a video with sound, double / logical / uint8 fixation
 * maps, and a silent one) and AVAD (split-wise lists), plus a frame folder without lists that is no database.
 */
class StavisReaderTest {

    private static final int FRAME_WIDTH = 24;
    private static final int FRAME_HEIGHT = 16;
    private static final int MAP_SIZE = 16;
    private static final MatlabType[] MAP_TYPES = {MatlabType.Double, null, MatlabType.UInt8};

    @TempDir
    Path root;

    @BeforeEach
    void writeStavisRoot() throws IOException {
        writeVideo("DIEM", "vidA", 3);
        Fixtures.wav(root.resolve("video_audio/DIEM/vidA/vidA.wav"), Fixtures.tone(Fixtures.SAMPLE_RATE / 2));
        writeVideo("DIEM", "vidB", 2);
        writeVideo("AVAD", "v1", 1);
        Fixtures.colourJpeg(root.resolve("video_frames/SumMe/s1/img_00001.jpg"), FRAME_WIDTH, FRAME_HEIGHT, 0);
        Fixtures.text(root.resolve("fold_lists/DIEM_list_test_fps.txt"), "vidA 3 30");
        Fixtures.text(root.resolve("fold_lists/DIEM_list_train_fps.txt"), "vidB 2 25.0", "");
        Fixtures.text(root.resolve("fold_lists/AVAD_list_test_1_fps.txt"), "v1 1 29.97");
        Fixtures.text(root.resolve("fold_lists/AVAD_list_train_1_fps.txt"), "v1 1 29.97");
    }

    /** Frames of grey {@link Fixtures#greyOfFrame}, densities with a bright top-left block on frame 1 only. */
    private void writeVideo(String database, String video, int frames) throws IOException {
        for (int number = 1; number <= frames; number++) {
            String suffix = String.format(Locale.ROOT, "_%05d", number);
            Fixtures.colourJpeg(root.resolve("video_frames/" + database + "/" + video + "/img" + suffix + ".jpg"),
                    FRAME_WIDTH, FRAME_HEIGHT, Fixtures.greyOfFrame(number - 1));
            Path annotations = root.resolve("annotations/" + database + "/" + video);
            Fixtures.greyJpeg(annotations.resolve("maps/eyeMap" + suffix + ".jpg"), densityOf(number));
            Fixtures.mat(annotations.resolve("fixMap" + suffix + ".mat"), "eyeMap",
                    fixationsOf(MAP_TYPES[(number - 1) % MAP_TYPES.length]));
        }
    }

    /** 40 everywhere, 200 in the top-left 8x8 block of frame 1 (whole JPEG blocks, so the values survive). */
    private static int[][] densityOf(int number) {
        int[][] values = new int[MAP_SIZE][MAP_SIZE];
        for (int y = 0; y < MAP_SIZE; y++) {
            Arrays.fill(values[y], 40);
            if (number == 1 && y < 8) {
                Arrays.fill(values[y], 0, 8, 200);
            }
        }
        return values;
    }

    /** Fixations at (row 2, column 5) and (row 10, column 12); logical when {@code type} is null. */
    private static Matrix fixationsOf(MatlabType type) {
        Matrix map = type == null ? Mat5.newLogical(MAP_SIZE, MAP_SIZE) : Mat5.newMatrix(MAP_SIZE, MAP_SIZE, type);
        map.setDouble(2, 5, 1);
        map.setDouble(10, 12, 1);
        return map;
    }

    @Test
    void listsDatabasesAndOpensOneByNameOrByItsFolder() {
        assertEquals(List.of("AVAD", "DIEM"), Datasets.stavisDatabases(root), "SumMe has frames but no fold list");
        InvalidOptionsException ambiguous = assertThrows(InvalidOptionsException.class, () -> Datasets.open(root));
        assertTrue(ambiguous.getMessage().contains("AVAD, DIEM") && ambiguous.getMessage().contains("openStavis"),
                ambiguous.getMessage());
        for (String folder : List.of("annotations/DIEM", "video_frames/DIEM", "video_audio/DIEM")) {
            EvalDataset dataset = Datasets.open(root.resolve(folder));
            assertEquals("DIEM", dataset.name(), folder);
            assertEquals(root.toAbsolutePath().normalize(), dataset.root().toAbsolutePath().normalize());
        }
    }

    @Test
    void readsVideosAndSplitsFromTheFoldLists() {
        EvalDataset diem = Datasets.openStavis(root, "DIEM");
        assertEquals(DatasetLayout.STAVIS, diem.layout());
        assertEquals(List.of(), diem.labels());
        assertEquals(List.of("vidA", "vidB"), diem.videos().stream().map(VideoEntry::id).toList());
        assertEquals(List.of("test", "train"), List.copyOf(diem.splitNames()));
        assertEquals(List.of(diem.video("vidB")), diem.split("train"));
        assertEquals(new VideoFormat(3, 30, FRAME_WIDTH, FRAME_HEIGHT), diem.video("vidA").format());
        assertTrue(diem.video("vidA").tags().isEmpty() && diem.video("vidA").events().isEmpty());

        EvalDataset avad = Datasets.openStavis(root, "AVAD");
        assertEquals(List.of("test_1", "train_1"), List.copyOf(avad.splitNames()));
        assertEquals(1, avad.videos().size(), "a video in several lists is one video");
        assertEquals(29.97, avad.video("v1").format().frameRate());
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> avad.split("test"));
        assertTrue(e.getMessage().contains("available: test_1, train_1"), e.getMessage());
    }

    @Test
    void streamsFramesTimedByTheListedRateWithSoundFromTheWav() {
        EvalDataset diem = Datasets.openStavis(root, "DIEM");
        AudioRequirement audio = new AudioRequirement(16_000, 100_000);
        List<FrameWithAudio> frames = new ArrayList<>();
        try (VideoMedia media = diem.video("vidA").media(audio)) {
            media.forEach(frames::add);
        }
        assertEquals(List.of(0L, 33_333L, 66_667L), frames.stream().map(f -> f.frame().timestampMicros()).toList());
        for (int k = 0; k < frames.size(); k++) {
            FrameWithAudio frame = frames.get(k);
            assertEquals(FRAME_WIDTH, frame.frame().width());
            assertEquals(Fixtures.greyOfFrame(k), frame.frame().channel(3, 3, 2), 3);
            assertEquals(audio.windowSamples(), frame.audio().frameCount());
            assertTrue(frame.audioPresent());
        }
        assertTrue(frames.get(1).audio().rms() > 0.05, "the tone, windowed around 33 ms");

        try (VideoMedia silent = diem.video("vidB").media(audio)) {
            List<Long> times = new ArrayList<>();
            for (FrameWithAudio frame : silent) {
                assertFalse(frame.audioPresent());
                times.add(frame.frame().timestampMicros());
            }
            assertEquals(List.of(0L, 40_000L), times);
        }
    }

    @Test
    void soundShorterThanTheFramesEndsInSilence() throws IOException {
        Fixtures.wav(root.resolve("video_audio/DIEM/vidA/vidA.wav"), Fixtures.tone(Fixtures.SAMPLE_RATE / 50));
        List<Boolean> present = new ArrayList<>();
        try (VideoMedia media = Datasets.openStavis(root, "DIEM").video("vidA")
                .media(new AudioRequirement(16_000, 20_000))) {
            media.forEach(frame -> present.add(frame.audioPresent()));
        }
        assertEquals(List.of(true, false, false), present, "20 ms of sound reaches only the first frame's window");
    }

    @Test
    void groundTruthHasJpegDensitiesAndMatFixationsOfEveryType() {
        VideoGroundTruth truth = Datasets.openStavis(root, "DIEM").video("vidA").groundTruth().orElseThrow();
        assertEquals(3, truth.frameCount());
        for (int k = 0; k < 3; k++) {
            GroundTruth frame = truth.frame(k);
            assertEquals(Math.round(k * 1e6 / 30), frame.timestampMicros());
            Grid density = frame.density();
            assertEquals(MAP_SIZE, density.height());
            assertEquals(MAP_SIZE, density.width());
            assertEquals(k == 0 ? 200 / 255.0 : 40 / 255.0, density.get(3, 3), 2 / 255.0, "frame " + k);
            assertEquals(40 / 255.0, density.get(12, 12), 2 / 255.0);
            Grid fixations = frame.fixations();
            assertEquals(1.0, fixations.get(2, 5), "frame " + k + " of type " + MAP_TYPES[k]);
            assertEquals(1.0, fixations.get(10, 12));
            assertEquals(2.0, Arrays.stream(fixations.toArray()).sum());
        }
    }

    @Test
    void asTrainingDataAStavisVideoIsUntaggedAndCarriesItsGazeWithTheAnnotationsInItsFingerprint() throws IOException {
        TrainingClip clip = DatasetClips.trainingData(Datasets.openStavis(root, "DIEM")).training().get(0);

        assertEquals("vidB", clip.id());
        assertTrue(clip.tags().isEmpty());
        RecordedGaze gaze = clip.gaze().orElseThrow();
        assertEquals(List.of(new FixationPoint(5.5 / MAP_SIZE, 2.5 / MAP_SIZE, 1f),
                new FixationPoint(12.5 / MAP_SIZE, 10.5 / MAP_SIZE, 1f)), gaze.fixations(1));
        assertEquals(200 / 255.0, gaze.density(0).orElseThrow().value(3, 3), 2 / 255.0);
        assertTrue(gaze.density(2).isEmpty(), "vidB has two frames");
        String before = clip.fingerprint();

        Fixtures.mat(root.resolve("annotations/DIEM/vidB/fixMap_00002.mat"), "eyeMap", Mat5.newMatrix(2, 2));
        String after = DatasetClips.trainingData(Datasets.openStavis(root, "DIEM")).training().get(0).fingerprint();
        assertEquals(before.substring(0, 64), after.substring(0, 64), "the same frames");
        assertNotEquals(before, after, "other fixation files are other training data");
    }

    @Test
    void anUnknownDatabaseListsTheAvailableOnes() {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> Datasets.openStavis(root, "ETMD_av"));
        assertTrue(e.getMessage().contains("'ETMD_av'") && e.getMessage().contains("available: AVAD, DIEM"),
                e.getMessage());
        InvalidOptionsException notRoot = assertThrows(InvalidOptionsException.class,
                () -> Datasets.openStavis(root.resolve("video_frames"), "DIEM"));
        assertTrue(notRoot.getMessage().contains("not a STAViS data root"), notRoot.getMessage());
    }

    @Test
    void aListedVideoWithoutFramesFailsWhenOpening() throws IOException {
        Fixtures.text(root.resolve("fold_lists/DIEM_list_test_fps.txt"), "vidA 3 30", "vidZ 10 25");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Datasets.openStavis(root, "DIEM"));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertTrue(e.getMessage().contains(root.resolve("video_frames/DIEM/vidZ").toString()), e.getMessage());
    }

    @Test
    void aMalformedListLineIsCorruptNamingFileAndLine() throws IOException {
        Path list = Fixtures.text(root.resolve("fold_lists/DIEM_list_test_fps.txt"), "vidA 3 30", "vidB two 25");
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> Datasets.openStavis(root, "DIEM"));
        assertTrue(e.getMessage().contains(list + " line 2") && e.getMessage().contains("vidB two 25"),
                e.getMessage());
    }

    @Test
    void missingOrMismatchedFilesAreNamedWhenRead() throws IOException {
        VideoEntry video = Datasets.openStavis(root, "DIEM").video("vidA");
        Path annotations = root.resolve("annotations/DIEM/vidA");

        Path density = annotations.resolve("maps/eyeMap_00002.jpg");
        Files.delete(density);
        VideoGroundTruth truth = video.groundTruth().orElseThrow();
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> truth.frame(1));
        assertTrue(missing.getMessage().contains(density.toString()), missing.getMessage());

        Path fixations = Fixtures.mat(annotations.resolve("fixMap_00003.mat"), "eyeMap", Mat5.newMatrix(8, 8));
        CorruptMediaException mismatch = assertThrows(CorruptMediaException.class, () -> truth.frame(2));
        assertTrue(mismatch.getMessage().contains(fixations + " holds a 8x8 map"), mismatch.getMessage());

        Path frame = root.resolve("video_frames/DIEM/vidA/img_00002.jpg");
        Files.delete(frame);
        try (VideoMedia media = video.media(AudioRequirement.DEFAULT)) {
            Iterator<FrameWithAudio> frames = media.iterator();
            frames.next();
            UncheckedIOException gone = assertThrows(UncheckedIOException.class, frames::next);
            assertTrue(gone.getMessage().contains(frame.toString()), gone.getMessage());
        }
    }

    @Test
    void aVideoWithoutAnnotationsHasNoReadableGroundTruth() throws IOException {
        Path annotations = root.resolve("annotations/AVAD/v1");
        for (Path file : Files.walk(annotations).sorted((a, b) -> b.compareTo(a)).toList()) {
            Files.delete(file);
        }
        VideoEntry video = Datasets.openStavis(root, "AVAD").video("v1");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, video::groundTruth);
        assertTrue(e.getMessage().contains(annotations.toString()), e.getMessage());
    }

    @Test
    void closingTheMediaEndsAnUnfinishedPass() {
        VideoMedia media = Datasets.openStavis(root, "DIEM").video("vidA").media(AudioRequirement.DEFAULT);
        Iterator<FrameWithAudio> frames = media.iterator();
        frames.next();
        media.close();
        assertFalse(frames.hasNext());
        assertThrows(IllegalStateException.class, frames::next);
        assertThrows(IllegalStateException.class, media::iterator);
    }
}
