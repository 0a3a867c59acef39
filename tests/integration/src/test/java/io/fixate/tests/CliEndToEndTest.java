package io.fixate.tests;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.fixtures.SharedMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The {@code fixate} command line on whole files: what a user runs after cloning. */
class CliEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void providersListsTheBaselineWithItsCapabilities() {
        Cli cli = Cli.run("providers").assertSucceeded();
        assertTrue(cli.out().contains("classic-baseline"), cli.out());
        assertTrue(cli.out().contains("1 look-ahead"), cli.out());
    }

    @Test
    void predictWritesHeatmapWithSoundMapsAndJson() throws IOException {
        Path clip = MovingSquareClip.clip().size(96, 64).frames(30, 25).write(dir, "clip.mp4");
        Path heatmap = dir.resolve("heat.mp4");
        Path maps = dir.resolve("maps");
        Path json = dir.resolve("fix.json");

        // the classical model, whose peak on this clip is known; BundledStanetTest runs the default model
        Cli cli = Cli.run("predict", clip, "--model", "classic-baseline", "--heatmap", heatmap, "--maps", maps,
                "--json", json).assertSucceeded();

        assertTrue(cli.out().startsWith("30 frames in "), cli.out());
        assertTrue(cli.err().contains("predict ["), "progress bar on stderr: " + cli.err());
        assertEquals(30, framesWithSound(heatmap), "every frame, and the original sound, in the heatmap video");
        try (Stream<Path> files = Files.list(maps)) {
            assertEquals(30, files.filter(f -> f.toString().endsWith(".png")).count());
        }
        JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonArray frames = root.getAsJsonArray("frames");
        assertEquals(30, frames.size());
        assertEquals("classic-baseline", root.get("model").getAsString());
        // The bright square is the only thing that stands out and it moves: the peak must be in its row band.
        double peakY = frames.get(15).getAsJsonObject().getAsJsonObject("peak").get("y").getAsDouble();
        assertEquals(0.5, peakY, 0.2, "peak on the moving square");
    }

    @Test
    void startAndDurationSelectAPartOfTheFile() throws IOException {
        Path clip = MovingSquareClip.clip().frames(50, 25).write(dir, "clip.mp4");
        Path json = dir.resolve("part.json");

        Cli.run("predict", clip, "--start", "0.4", "--duration", "0.8", "--json", json, "--no-progress")
                .assertSucceeded();

        JsonArray frames = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("frames");
        assertEquals(20, frames.size(), "0.8 s at 25 fps");
        assertEquals(400_000, frames.get(0).getAsJsonObject().get("timeMicros").getAsLong(), 1_000);
    }

    @Test
    void predictOnRealFootageWithSpeech() throws IOException {
        Path grid = SharedMedia.gridClip("bbaf2n.mpg").orElse(null);
        assumeTrue(grid != null, "GRID clips are not beside the project");
        Path heatmap = dir.resolve("grid.mp4");
        Path json = dir.resolve("grid.json");

        Cli.run("predict", grid, "--heatmap", heatmap, "--json", json, "--no-progress").assertSucceeded();

        assertEquals(75, framesWithSound(heatmap));
        JsonArray frames = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("frames");
        assertEquals(75, frames.size());
    }

    @Test
    void synthThenEvalScoresTheBaselinesAgainstTheBounds() throws IOException {
        Path benchmark = dir.resolve("bench");
        Path report = dir.resolve("report");

        Cli.run("synth", "--out", benchmark, "--preset", "tiny", "--no-progress").assertSucceeded();
        Cli cli = Cli.run("eval", "--dataset", benchmark, "--split", "train", "--bounds", "--out", report)
                .assertSucceeded();

        for (String model : new String[]{"ground-truth", "inter-observer", "classic-baseline", "centre-bias",
                "uniform"}) {
            assertTrue(cli.out().contains("| " + model), model + " in the table:\n" + cli.out());
        }
        assertTrue(Files.size(report.resolve("report.html")) > 10_000, "HTML report with inline examples");
        JsonObject json = JsonParser.parseString(Files.readString(report.resolve("report.json"))).getAsJsonObject();
        assertEquals(5, json.getAsJsonArray("models").size());
    }

    @Test
    void evalRefusesADatasetWithoutGroundTruth() throws IOException {
        Path ave = Files.createDirectories(dir.resolve("ave"));
        Files.writeString(ave.resolve("Annotations.txt"),
                "Category&VideoID&Quality&StartTime&EndTime\nBark&dog1&good&0&3\n");
        MovingSquareClip.clip().frames(10, 25).write(Files.createDirectories(ave.resolve("AVE")), "dog1.mp4");

        Cli.run("eval", "--dataset", ave).assertFailsWith(2, "ground truth");
        Cli.run("eval", "--dataset", dir.resolve("missing")).assertFailsWith(3, "missing");
    }

    /** Decodes a written video and returns its frame count, failing unless every frame has sound under it. */
    static int framesWithSound(Path video) {
        try (MediaReader reader = MediaReader.open(video, ReadOptions.of(AudioRequirement.DEFAULT))) {
            assertTrue(reader.info().hasAudio(), video + " has an audio track");
            int frames = 0;
            for (FrameWithAudio f; (f = reader.read()) != null; frames++) {
                assertTrue(f.audioPresent(), "sound under frame " + frames);
            }
            return frames;
        }
    }
}
