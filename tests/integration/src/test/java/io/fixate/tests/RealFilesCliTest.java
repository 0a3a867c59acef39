package io.fixate.tests;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.AudioRequirement;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.cli.ExitCode;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.fixtures.SharedMedia;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code fixate predict} on real and damaged files: one map per decoded frame, damage an error unless told. */
class RealFilesCliTest {

    @TempDir
    Path dir;

    private static int frameCount(Path json) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(root.getAsJsonArray("frames").size(), root.get("frameCount").getAsInt());
        return root.get("frameCount").getAsInt();
    }

    /** How many frames the SDK's reader decodes from {@code clip}, damage tolerated. */
    private static int decodedFrames(Path clip) {
        int frames = 0;
        try (MediaReader reader = MediaReader.open(clip, ReadOptions.of(AudioRequirement.DEFAULT)
                .toleratingDamage())) {
            while (reader.read() != null) {
                frames++;
            }
        }
        return frames;
    }

    private Path truncatedClip() throws IOException {
        // Matroska writes its duration in the header, so a cut copy still declares the whole length.
        Path whole = MovingSquareClip.clip().frames(50, 25).matroska().write(dir, "whole.mkv");
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("cut.mkv"), Arrays.copyOf(bytes, bytes.length * 6 / 10));
    }

    @Test
    void aTruncatedFileIsExitCode3AndLeavesEarlierOutputsAsTheyWere() throws IOException {
        Path cut = truncatedClip();
        Path json = Files.writeString(dir.resolve("cut.json"), "the previous run's fixations");
        Path maps = Files.createDirectory(dir.resolve("maps"));
        byte[] before = Files.readAllBytes(json);

        Cli.run("predict", cut, "--model", "classic-baseline", "--json", json, "--maps", maps, "--no-progress")
                .assertFailsWith(ExitCode.BAD_INPUT, "--keep-going");

        assertArrayEquals(before, Files.readAllBytes(json));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(4, left.count(), "whole.mkv, cut.mkv, cut.json, maps and nothing else");
        }
        try (Stream<Path> mapFiles = Files.list(maps)) {
            assertEquals(0, mapFiles.count());
        }
    }

    @Test
    void keepGoingWritesWhatDecodedWithAWarning() throws IOException {
        Path cut = truncatedClip();
        Path json = dir.resolve("cut.json");

        Cli cli = Cli.run("predict", cut, "--model", "classic-baseline", "--json", json, "--keep-going",
                "--no-progress").assertSucceeded();

        int frames = frameCount(json);
        assertTrue(frames > 10 && frames < 50, frames + " frames");
        assertEquals(decodedFrames(cut), frames);
        assertTrue(cli.err().contains("warning") && cli.err().contains("truncated"), cli.err());
    }

    /** Every shared real clip gives one map per frame the reader decodes; the default model on the AVI that broke. */
    @TestFactory
    Stream<DynamicTest> everySharedRealClipPredictsOneMapPerDecodedFrame() throws IOException {
        assumeTrue(!SharedMedia.realClips().isEmpty(), "../shared/media/real is not beside the project");
        return SharedMedia.realClips().stream().map(clip -> DynamicTest.dynamicTest(clip.getFileName().toString(),
                () -> {
                    boolean defaultModel = clip.getFileName().toString().equals("mmaction2_test.avi");
                    Path json = dir.resolve(clip.getFileName() + ".json");
                    Cli.run(defaultModel ? new Object[]{"predict", clip, "--json", json, "--no-progress"}
                            : new Object[]{"predict", clip, "--model", "classic-baseline", "--json", json,
                            "--no-progress"}).assertSucceeded();
                    assertEquals(decodedFrames(clip), frameCount(json));
                }));
    }
}
