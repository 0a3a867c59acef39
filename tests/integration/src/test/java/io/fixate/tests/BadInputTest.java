package io.fixate.tests;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.cli.ExitCode;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.fixtures.MovingSquareClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What users feed the command line by mistake, or what the world hands them: each case ends in a clear one-line error
 * with a documented exit code, or in a correct result; nothing already on disk is damaged.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private Path json() {
        return dir.resolve("out.json");
    }

    @Test
    void missingFile() {
        Cli.run("predict", dir.resolve("nope.mp4"), "--json", json()).assertFailsWith(ExitCode.BAD_INPUT, "nope.mp4");
        assertFalse(Files.exists(json()), "no output for a failed run");
    }

    @Test
    void zeroByteFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Cli.run("predict", empty, "--json", json()).assertFailsWith(ExitCode.BAD_INPUT, "empty.mp4");
    }

    @Test
    void textRenamedToMp4() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is a shopping list, not a video\n".repeat(50));
        Cli.run("predict", text, "--json", json()).assertFailsWith(ExitCode.BAD_INPUT, "notes.mp4");
    }

    @Test
    void audioOnlyFile() throws IOException {
        Path speech = Files.write(dir.resolve("speech.wav"), wav(8000, 0.5));
        Cli.run("predict", speech, "--json", json()).assertFailsWith(ExitCode.BAD_INPUT, "speech.wav");
    }

    @Test
    void truncatedVideoGivesThePartThatIsThereOrAClearError() throws IOException {
        Path clip = MovingSquareClip.clip().frames(50, 25).matroska().write(dir, "whole.mkv");
        byte[] bytes = Files.readAllBytes(clip);
        Path cut = Files.write(dir.resolve("cut.mkv"), Arrays.copyOf(bytes, bytes.length * 6 / 10));

        Cli cli = Cli.run("predict", cut, "--json", json(), "--no-progress");

        if (cli.exitCode() == ExitCode.OK) {
            int frames = Integer.parseInt(cli.out().split(" ")[0]);
            assertTrue(frames > 0 && frames < 50, "a part of the frames: " + cli.out());
        } else {
            cli.assertFailsWith(ExitCode.BAD_INPUT, "cut.mkv");
        }
    }

    @Test
    void videoWithoutSoundGivesAHeatmapWithoutSound() throws IOException {
        Path silent = MovingSquareClip.clip().frames(20, 25).silent().write(dir, "silent.mp4");
        Path heatmap = dir.resolve("heat.mp4");

        Cli.run("predict", silent, "--heatmap", heatmap, "--no-progress").assertSucceeded();

        try (MediaReader reader = MediaReader.open(heatmap, ReadOptions.of(AudioRequirement.DEFAULT))) {
            assertFalse(reader.info().hasAudio());
            int frames = 0;
            for (FrameWithAudio f; (f = reader.read()) != null; frames++) {
                assertFalse(f.audioPresent());
            }
            assertEquals(20, frames);
        }
    }

    @Test
    void oneByOnePixelVideo() throws IOException {
        Path tiny = MovingSquareClip.y4m(dir, "tiny.y4m", 1, 1, 5);
        Cli.run("predict", tiny, "--json", json(), "--heatmap", dir.resolve("tiny.mp4"), "--no-progress")
                .assertSucceeded();
        assertTrue(Files.readString(json()).contains("\"index\":4"));
    }

    @Test
    void oddWidthVideo() throws IOException {
        Path odd = MovingSquareClip.y4m(dir, "odd.y4m", 65, 49, 5);
        Path maps = dir.resolve("maps");
        Cli.run("predict", odd, "--maps", maps, "--heatmap", dir.resolve("odd.mp4"), "--no-progress")
                .assertSucceeded();
        try (Stream<Path> files = Files.list(maps)) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void cinema4kVideo() throws IOException {
        Path big = MovingSquareClip.clip().size(4096, 2160).frames(3, 25).write(dir, "4k.mp4");
        Cli.run("predict", big, "--json", json(), "--heatmap", dir.resolve("4k-heat.mp4"), "--no-progress")
                .assertSucceeded();
        assertTrue(Files.readString(json()).contains("\"width\":4096"));
    }

    @Test
    void missingOutputDirectory() throws IOException {
        Path clip = MovingSquareClip.clip().frames(5, 25).write(dir, "clip.mp4");
        Cli.run("predict", clip, "--heatmap", dir.resolve("no/such/dir/out.mp4"))
                .assertFailsWith(ExitCode.OUTPUT, "does not exist");
    }

    @Test
    void unwritableOutputLeavesExistingFilesAlone() throws IOException {
        Path clip = MovingSquareClip.clip().frames(5, 25).write(dir, "clip.mp4");
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "keep me");
        Path existingJson = Files.writeString(json(), "earlier results");

        Cli.run("predict", clip, "--json", existingJson, "--heatmap", notADirectory.resolve("out.mp4"))
                .assertFailsWith(ExitCode.OUTPUT, "file.txt");

        assertEquals("earlier results", Files.readString(existingJson));
        assertEquals("keep me", Files.readString(notADirectory));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void wrongOptionsAreOneLineUsageErrors() throws IOException {
        Path clip = MovingSquareClip.clip().frames(5, 25).write(dir, "clip.mp4");
        Cli.run("predict", clip, "--model", "nonesuch").assertFailsWith(ExitCode.USAGE, "classic-baseline");
        Cli.run("predict", clip, "--opacity", "2").assertFailsWith(ExitCode.USAGE, "opacity");
        Cli.run("predict", clip, "-o", "colour=red").assertFailsWith(ExitCode.USAGE, "colour");
        Cli.run("predict", clip, "--start", "soon").assertFailsWith(ExitCode.USAGE, "soon");
        Cli.run("predict", clip, "--start", "9", "--json", json()).assertFailsWith(ExitCode.USAGE, "--start");
        Cli.run("predict", clip, "--top-k", "-1", "--json", json()).assertFailsWith(ExitCode.USAGE, "-1");
        Cli.run("predict", clip, "--min-distance", "2", "--json", json()).assertFailsWith(ExitCode.USAGE, "2.0");
        Cli.run("predict", clip, "--device", "gpu").assertFailsWith(ExitCode.DEVICE, "CPU");
        Cli.run("predict").assertFailsWith(ExitCode.USAGE, "VIDEO");
        assertFalse(Files.exists(json()));
    }

    /** A mono 16-bit WAV file of a tone: a valid media file with sound and no picture. */
    private static byte[] wav(int rate, double seconds) {
        int samples = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + 2 * samples).put(ascii("WAVEfmt ")).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16).put(ascii("data")).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 300 * i / rate)));
        }
        return b.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
