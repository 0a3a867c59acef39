package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.eval.metrics.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A two-clip benchmark in the {@code fixate-benchmark/1} layout, written here, read back: index, splits, frames with
 * and without sound, 16-bit densities, fixation points, scenarios, and every damaged file.
 */
class BenchmarkReaderTest {

    private static final int WIDTH = 32;
    private static final int HEIGHT = 24;
    private static final double FRAME_RATE = 10;
    private static final int FRAMES = 5;
    private static final String DRUM = "drum_0000";
    private static final String BELL = "bell_0001";
    private static final String HEADER = "Category&VideoID&Quality&StartTime&EndTime";

    @TempDir
    Path root;

    /** Frame k: a flat density of 1000 (k + 1) with its 65535 peak at column k + 2, row 3. */
    private static int[][] density(int k) {
        int[][] values = new int[HEIGHT][WIDTH];
        for (int[] row : values) {
            Arrays.fill(row, 1000 * (k + 1));
        }
        values[3][k + 2] = 65535;
        return values;
    }

    @BeforeEach
    void writeBenchmark() throws IOException {
        Fixtures.text(root.resolve("dataset.json"), "{\"format\":\"fixate-benchmark/1\",\"name\":\"tiny\",\"seed\":7,"
                + "\"width\":32,\"height\":24,\"frameRate\":10,\"clipSeconds\":0.5,\"audioSampleRate\":16000,"
                + "\"observers\":3,\"categories\":[\"Drum\",\"Bell\"],\"options\":{}}");
        Fixtures.text(root.resolve("Annotations.txt"), HEADER, "Drum&drum_0000&good&0&1", "Bell&bell_0001&good&0&1");
        Fixtures.text(root.resolve("trainSet.txt"), HEADER, "Drum&drum_0000&good&0&1");
        Fixtures.text(root.resolve("testSet.txt"), HEADER, "Bell&bell_0001&good&0&1");
        Fixtures.video(root.resolve("videos/" + DRUM + ".mp4"), WIDTH, HEIGHT, FRAME_RATE, FRAMES, true);
        Fixtures.video(root.resolve("videos/" + BELL + ".mp4"), WIDTH, HEIGHT, FRAME_RATE, FRAMES, false);
        for (String id : List.of(DRUM, BELL)) {
            Path clip = root.resolve("ground_truth").resolve(id);
            List<String> frames = new ArrayList<>();
            for (int k = 0; k < FRAMES; k++) {
                Fixtures.png16(clip.resolve(String.format(Locale.ROOT, "density_%05d.png", k)), density(k));
                // Observers 2 and 3 fixate the same pixel: the map stays binary.
                frames.add(String.format(Locale.ROOT, "{\"index\":%d,\"timeMicros\":%d,\"points\":[[%d,3],[30,20],"
                        + "[30,20]]}", k, k * 100_000, k + 2));
            }
            Fixtures.text(clip.resolve("fixations.json"), "{\"format\":\"fixate-fixations-gt/1\",\"width\":32,"
                    + "\"height\":24,\"frameRate\":10,\"frames\":[" + String.join(",", frames) + "]}");
        }
        Fixtures.text(root.resolve("ground_truth/" + DRUM + "/clip.json"), "{\"category\":\"Drum\",\"scenarios\":"
                + "[\"moving-event\",\"irrelevant-audio\"],\"objects\":[]}");
        Fixtures.text(root.resolve("ground_truth/" + BELL + "/clip.json"), "{\"category\":\"Bell\",\"scenarios\":"
                + "[\"silent-twin\"],\"objects\":[],\"contextFrames\":[3,1]}");
    }

    @Test
    void readsTheIndexWithDeclaredLabelOrderAndSplits() {
        EvalDataset dataset = Datasets.open(root);
        assertEquals("tiny", dataset.name());
        assertEquals(DatasetLayout.BENCHMARK, dataset.layout());
        assertEquals(List.of("Drum", "Bell"), dataset.labels(), "the declared order, not sorted");
        assertEquals(List.of(DRUM, BELL), dataset.videos().stream().map(VideoEntry::id).toList());
        assertEquals(Set.of("Drum"), dataset.video(DRUM).tags());
        assertEquals(List.of(new AveEvent("Bell", "good", 0, 1)), dataset.video(BELL).events());
        assertEquals(List.of("train", "test"), List.copyOf(dataset.splitNames()));
        assertEquals(List.of(dataset.video(DRUM)), dataset.split("train"));
        assertEquals(List.of(dataset.video(BELL)), dataset.split("test"));
        assertEquals(List.of("moving-event", "irrelevant-audio"), List.copyOf(dataset.video(DRUM).scenarios()));
        assertEquals(Set.of("silent-twin"), dataset.video(BELL).scenarios());
        assertEquals(new VideoFormat(FRAMES, FRAME_RATE, WIDTH, HEIGHT), dataset.video(DRUM).format());
        assertEquals(root.resolve("videos/" + DRUM + ".mp4"), dataset.video(DRUM).location());
    }

    @Test
    void contextFramesAreReadSortedWhereTheClipListsThem() throws IOException {
        EvalDataset dataset = Datasets.open(root);
        assertEquals(List.of(1, 3), List.copyOf(dataset.video(BELL).contextFrames()));
        assertEquals(Set.of(), dataset.video(DRUM).contextFrames(), "clips of the older scenes list none");
        Fixtures.text(root.resolve("ground_truth/" + DRUM + "/clip.json"), "{\"scenarios\":[],\"contextFrames\":"
                + "[2,2]}");
        CorruptMediaException e = assertThrows(CorruptMediaException.class,
                () -> Datasets.open(root).video(DRUM).contextFrames());
        assertTrue(e.getMessage().contains("clip.json") && e.getMessage().contains("repeated"), e.getMessage());
    }

    @Test
    void theBenchmarkAlsoReadsAsAnAveDataset() {
        EvalDataset asAve = Datasets.openAve(root);
        assertEquals(DatasetLayout.AVE, asAve.layout());
        assertEquals(List.of("Bell", "Drum"), asAve.labels(), "AVE sorts its labels");
        assertEquals(root.resolve("videos/" + DRUM + ".mp4"), asAve.video(DRUM).location());
        assertEquals(Optional.empty(), asAve.video(DRUM).groundTruth());
    }

    @Test
    void anUnknownSplitListsTheAvailableOnes() {
        EvalDataset dataset = Datasets.openBenchmark(root);
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> dataset.split("val"));
        assertTrue(e.getMessage().contains("'val'") && e.getMessage().contains("available: train, test"),
                e.getMessage());
        assertThrows(InvalidOptionsException.class, () -> dataset.video("drum_9999"));
    }

    @Test
    void groundTruthHasSixteenBitDensitiesAndBinaryFixationsOfFrameSize() {
        VideoGroundTruth truth = Datasets.open(root).video(DRUM).groundTruth().orElseThrow();
        assertEquals(FRAMES, truth.frameCount());
        for (int k = 0; k < FRAMES; k++) {
            GroundTruth frame = truth.frame(k);
            assertEquals(k, frame.index());
            assertEquals(k * 100_000L, frame.timestampMicros());
            Grid density = frame.density();
            assertEquals(HEIGHT, density.height());
            assertEquals(WIDTH, density.width());
            assertEquals(1.0, density.get(3, k + 2), "the 65535 peak, exactly");
            assertEquals(1000.0 * (k + 1) / 65535, density.get(10, 10), 1e-12, "the full 16 bits survive");
            Grid fixations = frame.fixations();
            assertEquals(1.0, fixations.get(3, k + 2));
            assertEquals(1.0, fixations.get(20, 30), "point [30, 20] is column 30, row 20");
            assertEquals(2.0, Arrays.stream(fixations.toArray()).sum(), "two distinct fixated pixels");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> truth.frame(FRAMES));
    }

    @Test
    void streamsFramesWithTheirSoundOrSilence() {
        AudioRequirement audio = new AudioRequirement(16_000, 200_000);
        EvalDataset dataset = Datasets.open(root);
        try (VideoMedia withSound = dataset.video(DRUM).media(audio);
             VideoMedia silent = dataset.video(BELL).media(audio)) {
            List<FrameWithAudio> drum = new ArrayList<>();
            withSound.forEach(drum::add);
            assertEquals(FRAMES, drum.size());
            for (int k = 0; k < FRAMES; k++) {
                assertEquals(k * 100_000L, drum.get(k).frame().timestampMicros(), 1_000);
                assertEquals(Fixtures.greyOfFrame(k), drum.get(k).frame().channel(WIDTH / 2, HEIGHT / 2, 0), 4);
                assertEquals(audio.windowSamples(), drum.get(k).audio().frameCount());
            }
            assertTrue(drum.get(2).audioPresent() && drum.get(2).audio().rms() > 0.05, "the tone is heard");
            int frames = 0;
            for (FrameWithAudio frame : silent) {
                assertFalse(frame.audioPresent());
                assertEquals(0, frame.audio().rms());
                frames++;
            }
            assertEquals(FRAMES, frames);
        }
    }

    @Test
    void anotherFormatStringIsNotThisKindOfDataset() throws IOException {
        Path manifest = root.resolve("dataset.json");
        Files.writeString(manifest, Files.readString(manifest).replace("fixate-benchmark/1", "fixate-benchmark/2"));
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> Datasets.open(root));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("fixate-benchmark/2"),
                e.getMessage());
    }

    @Test
    void aManifestWithoutItsFieldsOrNotJsonIsCorrupt() throws IOException {
        Path manifest = root.resolve("dataset.json");
        Files.writeString(manifest, "{\"format\":\"fixate-benchmark/1\",\"name\":\"tiny\",\"width\":32}");
        CorruptMediaException missing = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(missing.getMessage().contains(manifest + ": field 'height' is missing"), missing.getMessage());
        Files.writeString(manifest, "{\"format\": ");
        CorruptMediaException broken = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(broken.getMessage().contains(manifest.toString()), broken.getMessage());
    }

    @Test
    void aMissingVideoFileFailsWhenOpeningNamingIt() throws IOException {
        Path video = root.resolve("videos/" + BELL + ".mp4");
        Files.delete(video);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Datasets.open(root));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertTrue(e.getMessage().contains(video.toString()), e.getMessage());
    }

    @Test
    void anUndeclaredCategoryIsCorrupt() throws IOException {
        Fixtures.text(root.resolve("Annotations.txt"), HEADER, "Drum&drum_0000&good&0&1", "Gong&bell_0001&good&0&1");
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(e.getMessage().contains("'Gong'") && e.getMessage().contains("Annotations.txt"), e.getMessage());
    }

    @Test
    void aSplitNamingAnUnannotatedVideoIsCorrupt() throws IOException {
        Path split = Fixtures.text(root.resolve("valSet.txt"), HEADER, "Bell&bell_0042&good&0&1");
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(e.getMessage().contains(split + " line 2") && e.getMessage().contains("bell_0042"),
                e.getMessage());
    }

    @Test
    void damagedGroundTruthFilesAreNamed() throws IOException {
        Path clip = root.resolve("ground_truth").resolve(DRUM);
        VideoEntry drum = Datasets.open(root).video(DRUM);

        Path missingDensity = clip.resolve("density_00003.png");
        Files.delete(missingDensity);
        VideoGroundTruth truth = drum.groundTruth().orElseThrow();
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> truth.frame(3));
        assertTrue(missing.getMessage().contains(missingDensity.toString()), missing.getMessage());

        Path smallDensity = Fixtures.png16(clip.resolve("density_00002.png"), 16, 12, 500);
        CorruptMediaException small = assertThrows(CorruptMediaException.class, () -> truth.frame(2));
        assertTrue(small.getMessage().contains(smallDensity + " is 16x12"), small.getMessage());

        Path notPng = clip.resolve("density_00001.png");
        Files.writeString(notPng, "not a picture");
        CorruptMediaException garbage = assertThrows(CorruptMediaException.class, () -> truth.frame(1));
        assertTrue(garbage.getMessage().contains(notPng.toString()), garbage.getMessage());
    }

    @Test
    void damagedFixationFilesAreNamed() throws IOException {
        VideoEntry drum = Datasets.open(root).video(DRUM);
        Path fixations = root.resolve("ground_truth").resolve(DRUM).resolve("fixations.json");
        String good = Files.readString(fixations);

        Files.writeString(fixations, good.replace("[30,20],[30,20]", "[30,20],[32,20]"));
        CorruptMediaException outside = assertThrows(CorruptMediaException.class, drum::groundTruth);
        assertTrue(outside.getMessage().contains(fixations + " frames[0]: points[2] [32,20] lies outside"),
                outside.getMessage());

        Files.writeString(fixations, good.replace("\"index\":4", "\"index\":3"));
        CorruptMediaException repeated = assertThrows(CorruptMediaException.class, drum::groundTruth);
        assertTrue(repeated.getMessage().contains("frames[4]: index 3"), repeated.getMessage());

        Files.writeString(fixations, good.replace("fixate-fixations-gt/1", "something-else/1"));
        CorruptMediaException format = assertThrows(CorruptMediaException.class, drum::groundTruth);
        assertTrue(format.getMessage().contains(fixations + ": format is 'something-else/1'"), format.getMessage());

        Files.delete(fixations);
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, drum::groundTruth);
        assertTrue(missing.getMessage().contains(fixations.toString()), missing.getMessage());
    }
}
