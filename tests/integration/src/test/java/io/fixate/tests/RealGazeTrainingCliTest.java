package io.fixate.tests;

import io.fixate.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fixate train-predictor} on real eye-tracking data and untagged clips: a tiny DHF1K-shaped set learnt from its
 * recorded gaze alone, untagged clips taught by a predictor, and the combinations that cannot work.
 */
class RealGazeTrainingCliTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int FRAMES = 6;
    private static final Object[] TINY_STANET = {"--set", "epochs=1", "--set", "input-size=32", "--set",
            "frame-stride=2", "--no-progress"};

    @TempDir
    Path dir;

    /** Video 0001 of DHF1K's layout: frame folders and maps of {@value #FRAMES} frames, fixated where it is bright. */
    private Path dhf1k() throws IOException {
        Path root = dir.resolve("dhf1k");
        for (int k = 0; k < FRAMES; k++) {
            String name = String.format("%04d.png", k + 1);
            int x = 8 + 8 * k;
            write(root.resolve("video/0001").resolve(name), x, 255, 8);
            write(root.resolve("annotation/0001/maps").resolve(name), x, 255, 6);
            write(root.resolve("annotation/0001/fixation").resolve(name), x, 255, 0);
        }
        return root;
    }

    /**
     * An 8-bit grey PNG, black but for a square of {@code grey} of half-side {@code radius} at ({@code x}, 24),
     * encoded here because this module does not read java.desktop's ImageIO.
     */
    private static void write(Path file, int x, int grey, int radius) throws IOException {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (int y = 0; y < HEIGHT; y++) {
            rows.write(0); // filter: none
            for (int column = 0; column < WIDTH; column++) {
                rows.write(Math.abs(column - x) <= radius && Math.abs(y - 24) <= radius ? grey : 0);
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            rows.writeTo(deflate);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(WIDTH).putInt(HEIGHT).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        Files.createDirectories(file.getParent());
        Files.write(file, png.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A folder with one untagged clip of the tiny benchmark. */
    private Path clips() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("clips"));
        Path video = TinyBenchmark.shared().resolve("videos")
                .resolve(TinyBenchmark.idsOf(TinyBenchmark.shared(), "trainSet.txt").get(0) + ".mp4");
        Files.copy(video, folder.resolve("street.mp4"));
        return folder;
    }

    @Test
    void recordedGazeAloneTrainsAPredictor() throws IOException {
        Path weights = dir.resolve("gaze");
        Cli training = train("--dataset", dhf1k(), "--out", weights).assertSucceeded();

        assertTrue(training.out().contains("trained stanet from recorded gaze on dhf1k"), training.out());
        assertTrue(Files.isRegularFile(weights.resolve("manifest.json")), "weights written");
    }

    @Test
    void aPredictorTeachesUntaggedClipsBesideRecordedGaze() throws IOException {
        Cli training = train("--dataset", dhf1k(), "--extra-data", clips(), "--teacher", "classic-baseline",
                "--out", dir.resolve("taught")).assertSucceeded();

        assertTrue(training.out().contains("trained stanet from classic-baseline's maps on dhf1k + clips (2 clips"),
                training.out());
    }

    @Test
    void aLabelerAndATeacherAreExclusive() {
        train("--dataset", TinyBenchmark.shared(), "--labeler", "scam", "--teacher", "classic-baseline", "--out",
                dir.resolve("w")).assertFailsWith(ExitCode.USAGE, "--labeler and --teacher are exclusive");
        train("--dataset", TinyBenchmark.shared(), "--teacher-weights", dir, "--out", dir.resolve("w"))
                .assertFailsWith(ExitCode.USAGE, "--teacher-weights and --teacher-set need --teacher");
    }

    @Test
    void dataWithoutGazeNeedsATeacher() {
        train("--dataset", TinyBenchmark.shared(), "--out", dir.resolve("w"))
                .assertFailsWith(ExitCode.USAGE, "has recorded gaze, and without --labeler or --teacher");
    }

    @Test
    void theBenchmarksGroundTruthIsLearntOnlyWhenAskedFor() {
        Path weights = dir.resolve("truth");
        Cli training = train("--dataset", TinyBenchmark.shared(), "--learn-ground-truth", "--out", weights)
                .assertSucceeded();

        assertTrue(training.out().contains("trained stanet from ground truth on"), training.out());
        assertTrue(Files.isRegularFile(weights.resolve("manifest.json")), "weights written");
    }

    @Test
    void aLabelerCannotTeachUntaggedClipsWithoutGaze() throws IOException {
        train("--dataset", dhf1k(), "--extra-data", clips(), "--labeler", "scam", "--out", dir.resolve("w"))
                .assertFailsWith(ExitCode.USAGE, "clip 'clips/street.mp4' of dhf1k + clips has neither recorded gaze"
                        + " nor a tag");
    }

    @Test
    void aLabelerIsNotTrainedOnUntaggedData() throws IOException {
        Cli.run("train-labeler", "--dataset", dhf1k(), "--out", dir.resolve("w"), "--no-progress")
                .assertFailsWith(ExitCode.USAGE, "needs at least two labels to learn categories from, got none");
    }

    private static Cli train(Object... arguments) {
        Object[] all = new Object[1 + arguments.length + TINY_STANET.length];
        all[0] = "train-predictor";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        System.arraycopy(TINY_STANET, 0, all, 1 + arguments.length, TINY_STANET.length);
        return Cli.run(all);
    }
}
