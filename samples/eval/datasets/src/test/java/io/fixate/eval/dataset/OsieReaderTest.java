package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.eval.metrics.Grid;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The OSIE layout: a synthetic one written like OSIE's, and the real one where it lies beside the project. */
class OsieReaderTest {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 160;

    @TempDir
    Path dir;

    /** Seven images named 1001.jpg ... 1007.jpg, recorded in reverse order, two viewers each. */
    private Path fixture(double[][][] viewersOfImage) throws IOException {
        Path root = dir.resolve("osie");
        int images = viewersOfImage.length;
        Struct records = Mat5.newStruct(images, 1);
        for (int k = 0; k < images; k++) {
            String name = (1000 + images - k) + ".jpg";
            Fixtures.colourJpeg(root.resolve(OsieReader.STIMULI).resolve(name), WIDTH, HEIGHT, 40 * k % 255);
            double[][] viewers = viewersOfImage[images - 1 - k];
            Cell subjects = Mat5.newCell(viewers.length, 1);
            for (int s = 0; s < viewers.length; s++) {
                Struct viewer = Mat5.newStruct();
                viewer.set("fix_x", row(viewers[s], 0));
                viewer.set("fix_y", row(viewers[s], 1));
                viewer.set("fix_duration", row(viewers[s], 0));
                subjects.set(s, viewer);
            }
            records.set("img", k, Mat5.newString(name));
            records.set("subjects", k, subjects);
        }
        Fixtures.mat(root.resolve(OsieReader.FIXATIONS), "fixations", records);
        return root;
    }

    /** Every other value of {@code xy} from {@code offset}, as a 1xN double row as OSIE stores them. */
    private static Matrix row(double[] xy, int offset) {
        Matrix values = Mat5.newMatrix(1, xy.length / 2);
        for (int i = 0; i < xy.length / 2; i++) {
            values.setDouble(0, i, xy[2 * i + offset]);
        }
        return values;
    }

    private Path sevenImages() throws IOException {
        double[][][] images = new double[7][][];
        for (int k = 0; k < 7; k++) {
            images[k] = new double[][] {{10.4 + k, 20, 100.6, 80.5}, {WIDTH, HEIGHT}};
        }
        return fixture(images);
    }

    @Test
    void imagesAreSortedByNameAndSplitFiveSeventhsOneSeventhOneSeventh() throws IOException {
        EvalDataset osie = Datasets.open(sevenImages());

        assertEquals(DatasetLayout.OSIE, osie.layout());
        assertEquals(List.of("1001", "1002", "1003", "1004", "1005", "1006", "1007"),
                osie.videos().stream().map(VideoEntry::id).toList());
        assertEquals(List.of("train", "val", "test"), List.copyOf(osie.splitNames()));
        assertEquals(List.of("1001", "1002", "1003", "1004", "1005"), ids(osie.split("train")));
        assertEquals(List.of("1006"), ids(osie.split("val")));
        assertEquals(List.of("1007"), ids(osie.split("test")));
        assertTrue(osie.labels().isEmpty(), "OSIE is untagged");
    }

    @Test
    void eachImageIsASilentStillClipOfOneFrame() throws IOException {
        VideoEntry image = Datasets.open(sevenImages()).video("1003");

        assertEquals(new VideoFormat(1, 1, WIDTH, HEIGHT), image.format());
        try (VideoMedia media = image.media(AudioRequirement.DEFAULT)) {
            List<FrameWithAudio> frames = new ArrayList<>();
            media.forEach(frames::add);
            assertEquals(1, frames.size());
            assertFalse(frames.get(0).audioPresent());
            assertEquals(WIDTH, frames.get(0).frame().width());
        }
    }

    @Test
    void theFixationMapPoolsTheViewersAtOneBasedPixelsAndDropsOffImageOnes() throws IOException {
        double[][][] images = new double[7][][];
        for (int k = 0; k < 7; k++) {
            images[k] = new double[][] {{1, 1, 10.4, 20.6}, {WIDTH, HEIGHT, 0.2, 5, WIDTH + 3, 5}};
        }
        Grid map = Datasets.open(fixture(images)).video("1001").groundTruth().orElseThrow().frame(0).fixations();

        assertEquals(HEIGHT, map.height());
        assertEquals(WIDTH, map.width());
        assertEquals(1, map.get(0, 0), "(1, 1) is the top-left pixel");
        assertEquals(1, map.get(20, 9), "(10.4, 20.6) rounds to pixel column 9, row 20");
        assertEquals(1, map.get(HEIGHT - 1, WIDTH - 1), "(800, 600) of OSIE is its bottom-right pixel");
        assertEquals(3, sum(map), "the two fixations off the image are dropped, not clamped to the border");
    }

    @Test
    void theDensityIsTheFixationMapBlurredWithSigma24AndScaledToAMaximumOfOne() throws IOException {
        double[][][] images = new double[7][][];
        for (int k = 0; k < 7; k++) {
            images[k] = new double[][] {{101, 81}};
        }
        GroundTruth truth = Datasets.open(fixture(images)).video("1004").groundTruth().orElseThrow().frame(0);

        Grid density = truth.density();
        assertEquals(1, density.get(80, 100), 1e-12, "peak at the fixated pixel");
        assertEquals(Math.exp(-0.5), density.get(80, 100 + 24), 1e-9, "one sigma (24 px) to the right");
        assertEquals(Math.exp(-0.5), density.get(80 - 24, 100), 1e-9, "one sigma up");
        assertEquals(Math.exp(-1), density.get(80 + 24, 100 - 24), 1e-9, "one sigma down and left");
    }

    @Test
    void trainingDataFromOsieIsUntaggedAndCarriesTheRecordedGaze() throws IOException {
        Path root = sevenImages();
        TrainingData data = DatasetClips.trainingData(Datasets.open(root));

        assertEquals(List.of(), data.labels());
        assertEquals(5, data.training().size());
        assertEquals(1, data.validation().size());
        TrainingClip first = data.training().get(0);
        assertTrue(first.tags().isEmpty());
        RecordedGaze gaze = first.gaze().orElseThrow();
        List<FixationPoint> points = gaze.fixations(0);
        assertEquals(3, points.size(), "(10.4, 20), (100.6, 80.5) and the bottom-right corner");
        assertTrue(points.contains(new FixationPoint((9 + 0.5) / WIDTH, (19 + 0.5) / HEIGHT, 1f)), points.toString());
        FixationMap density = gaze.density(0).orElseThrow();
        assertEquals(WIDTH, density.width());
        assertEquals(1f, density.peak().value(), 1e-6);
        assertEquals(List.of(), gaze.fixations(1), "a still clip has one frame");
        assertTrue(gaze.density(1).isEmpty());
        try (ClipMedia media = first.open(AudioRequirement.DEFAULT)) {
            assertEquals(1, count(media));
        }
    }

    @Test
    void theFingerprintCoversTheImageAndItsRecordedFixations() throws IOException {
        Path root = sevenImages();
        String before = DatasetClips.trainingData(Datasets.open(root)).training().get(1).fingerprint();
        assertTrue(before.matches("[0-9a-f]{64}\\+gaze:[0-9a-f]{64}"), before);
        String otherImage = DatasetClips.trainingData(Datasets.open(root)).training().get(2).fingerprint();
        assertNotEquals(before.substring(before.indexOf('+')), otherImage.substring(otherImage.indexOf('+')),
                "each image's own fixations, not the whole MAT-file");

        double[][][] moved = new double[7][][];
        for (int k = 0; k < 7; k++) {
            moved[k] = new double[][] {{10.4 + k, 20, 100.6, 80.5}, {WIDTH, HEIGHT - 1}};
        }
        fixture(moved);
        String after = DatasetClips.trainingData(Datasets.open(root)).training().get(1).fingerprint();
        assertEquals(before.substring(0, 64), after.substring(0, 64), "the same picture");
        assertNotEquals(before, after, "a moved fixation is other training data");
    }

    @Test
    void aMissingImageIsNamed() throws IOException {
        Path root = sevenImages();
        Path gone = root.resolve(OsieReader.STIMULI).resolve("1004.jpg");
        Files.delete(gone);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Datasets.open(root));
        assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
    }

    @Test
    void aDamagedOrMisshapenMatFileIsCorruptMediaNamingIt() throws IOException {
        Path root = sevenImages();
        Path mat = root.resolve(OsieReader.FIXATIONS);
        Files.write(mat, "MATLAB 5.0 MAT-file, but truncated".getBytes(StandardCharsets.US_ASCII));
        CorruptMediaException damaged = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(damaged.getMessage().contains(mat.toString()), damaged.getMessage());

        Fixtures.mat(mat, "eyeMap", Mat5.newMatrix(2, 2));
        CorruptMediaException other = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(other.getMessage().contains("no variable 'fixations'"), other.getMessage());

        Struct noSubjects = Mat5.newStruct(1, 1);
        noSubjects.set("img", 0, Mat5.newString("1001.jpg"));
        noSubjects.set("subjects", 0, Mat5.newMatrix(1, 1));
        Fixtures.mat(mat, "fixations", noSubjects);
        CorruptMediaException shape = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(shape.getMessage().contains("fixations(1).subjects is neither a struct nor a cell array"),
                shape.getMessage());
    }

    @Test
    void withoutItsMatFileTheFolderIsNoOsieDataset() throws IOException {
        Path root = sevenImages();
        Files.delete(root.resolve(OsieReader.FIXATIONS));

        assertThrows(InvalidOptionsException.class, () -> Datasets.open(root));
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> Datasets.openOsie(root));
        assertTrue(e.getMessage().contains("no data/eye/fixations.mat"), e.getMessage());
    }

    @Test
    void theRealOsieHas700ImagesSplit500To100To100AndImage1001Has141Fixations() {
        Path real = Path.of(System.getProperty("fixate.shared.dir", "../shared"), "data", "osie");
        assumeTrue(Files.isDirectory(real), "../shared/data/osie is not beside the project");
        EvalDataset osie = Datasets.open(real);

        assertEquals(700, osie.videos().size());
        assertEquals(500, osie.split("train").size());
        assertEquals(100, osie.split("val").size());
        assertEquals(100, osie.split("test").size());
        assertEquals("1001", osie.split("train").get(0).id());
        assertEquals("1501", osie.split("val").get(0).id());
        assertEquals("1601", osie.split("test").get(0).id());
        assertEquals("1700", osie.split("test").get(99).id());
        GroundTruth truth = osie.video("1001").groundTruth().orElseThrow().frame(0);
        assertEquals(800, truth.fixations().width());
        assertEquals(600, truth.fixations().height());
        assertEquals(141, sum(truth.fixations()), "141 fixations of 15 viewers, each on its own pixel");
        assertEquals(171, sum(osie.video("1500").groundTruth().orElseThrow().frame(0).fixations()),
                "172 fixations, two of them on the same pixel");
    }

    private static double sum(Grid map) {
        double total = 0;
        for (double value : map.toArray()) {
            total += value;
        }
        return total;
    }

    private static int count(Iterable<FrameWithAudio> frames) {
        int n = 0;
        for (FrameWithAudio ignored : frames) {
            n++;
        }
        return n;
    }

    private static List<String> ids(List<VideoEntry> videos) {
        return videos.stream().map(VideoEntry::id).toList();
    }
}
