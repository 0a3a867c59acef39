package io.fixate.tests;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.cli.ExitCode;
import io.fixate.fixtures.MovingSquareClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fixate roi} and {@code fixate encode} on whole files, as a compression tool's user runs them. */
class RoiCliTest {

    @TempDir
    Path dir;

    @Test
    void roiWritesOneSvtAv1EventPerChangeWithBitsOnTheMovingSquare() throws IOException {
        Path clip = MovingSquareClip.clip().size(192, 128).frames(20, 25).write(dir, "clip.mp4");
        Path map = dir.resolve("roi.txt");
        Cli cli = Cli.run("roi", clip, "--model", "classic-baseline", "--format", "svt-av1", "--out", map,
                "--no-progress").assertSucceeded();
        assertTrue(cli.out().startsWith("20 frames in ") && cli.out().contains("3x2 blocks of 64 px"), cli.out());
        List<String> events = Files.readAllLines(map);
        assertFalse(events.isEmpty());
        assertTrue(events.size() <= 20);
        String[] first = events.get(0).split(" ");
        assertEquals("0", first[0]);
        assertEquals(1 + 3 * 2, first.length, "ceil(192/64) x ceil(128/64) offsets");
        int sum = 0;
        for (int i = 1; i < first.length; i++) {
            int qindex = Integer.parseInt(first[i]);
            assertTrue(qindex >= -255 && qindex <= 255, "qindex " + qindex);
            sum += qindex;
        }
        assertTrue(Math.abs(sum) <= 6 * 12, "about zero on average: " + events.get(0));
    }

    @Test
    void roiWritesTheArraysAndTheirIndexForX264() throws IOException {
        Path clip = MovingSquareClip.clip().size(96, 64).frames(10, 25).write(dir, "clip.mp4");
        Path offsets = dir.resolve("offsets.f32");
        Cli.run("roi", clip, "--model", "classic-baseline", "--format", "x264", "--strength", "4", "--out", offsets,
                "--no-progress").assertSucceeded();
        assertEquals(10 * 6 * 4 * Float.BYTES, Files.size(offsets), "10 frames of 6x4 macroblocks");
        JsonObject index = JsonParser.parseString(Files.readString(dir.resolve("offsets.f32.json")))
                .getAsJsonObject();
        assertEquals(10, index.getAsJsonArray("frames").size());
    }

    @Test
    void wrongRoiOptionsAreUsageErrorsAndWriteNothing() throws IOException {
        Path clip = MovingSquareClip.clip().size(96, 64).frames(5, 25).write(dir, "clip.mp4");
        Path out = dir.resolve("roi.txt");
        Cli format = Cli.run("roi", clip, "--model", "classic-baseline", "--format", "h266", "--out", out);
        assertEquals(ExitCode.USAGE, format.exitCode());
        assertTrue(format.err().contains("unknown ROI format 'h266'"), format.err());
        Cli block = Cli.run("roi", clip, "--model", "classic-baseline", "--format", "svt-av1", "--block", "16",
                "--out", out);
        assertEquals(ExitCode.USAGE, block.exitCode());
        assertTrue(block.err().contains("svt-av1 takes blocks of 64"), block.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void encodeWritesVp9WithRegionsAndRefusesAnEncoderThatIgnoresThem() throws IOException {
        Path clip = MovingSquareClip.clip().size(192, 128).frames(25, 25).write(dir, "clip.mp4");
        Path out = dir.resolve("encoded.mp4");
        Cli cli = Cli.run("encode", clip, "--out", out, "--bitrate", "200k", "--model", "classic-baseline",
                "--no-progress").assertSucceeded();
        assertTrue(cli.out().contains("libvpx-vp9") && cli.out().contains("regions of interest from "
                + "classic-baseline"), cli.out());
        assertTrue(Files.size(out) > 0);
        Cli refused = Cli.run("encode", clip, "--out", dir.resolve("h264.mp4"), "--bitrate", "200k", "--codec",
                "h264", "--model", "classic-baseline");
        assertEquals(ExitCode.USAGE, refused.exitCode());
        assertTrue(refused.err().contains("ignores region-of-interest"), refused.err());
        assertFalse(Files.exists(dir.resolve("h264.mp4")), "nothing done without the regions");
    }
}
