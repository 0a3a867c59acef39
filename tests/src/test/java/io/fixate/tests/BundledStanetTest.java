package io.fixate.tests;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.eval.synth.BenchmarkGenerator;
import io.fixate.eval.synth.BenchmarkSpec;
import io.fixate.eval.synth.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weights bundled with provider-stanet, reached as a user does: {@code fixate predict VIDEO} with no model and no
 * weights. On a clip of the default benchmark that the bundled net never trained on (a test-split clip; clips are
 * planned from the seed, category and index alone, so generating four clips per category reproduces it), the
 * predicted peak must sit on the event object, where the simulated observers look, in most frames.
 */
class BundledStanetTest {

    /** A test-split clip of the default benchmark where the bell rings and moves among still distractors. */
    private static final String EASY_CLIP = "bell_0003";
    /** Peak to the observers' median fixation, as a fraction of the frame width: about the event object's radius. */
    private static final double ON_OBJECT = 0.12;

    @TempDir
    Path dir;

    @Test
    void theDefaultModelPeaksOnTheEventObjectOfAnEasyClip() throws IOException {
        Path benchmark = dir.resolve("benchmark");
        BenchmarkGenerator.generate(benchmark, BenchmarkSpec.DEFAULT.withClipsPerCategory(4), false,
                ProgressListener.NONE);
        Path json = dir.resolve("maps.json");

        Cli.run("predict", benchmark.resolve("videos").resolve(EASY_CLIP + ".mp4"), "--json", json, "--no-progress")
                .assertSucceeded();

        JsonObject predicted = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("stanet", predicted.get("model").getAsString(), "the CLI's default model");
        JsonArray frames = predicted.getAsJsonArray("frames");
        JsonArray truth = JsonParser.parseString(Files.readString(
                benchmark.resolve("ground_truth").resolve(EASY_CLIP).resolve("fixations.json")))
                .getAsJsonObject().getAsJsonArray("frames");
        int width = BenchmarkSpec.DEFAULT.width();
        int height = BenchmarkSpec.DEFAULT.height();
        int onObject = 0;
        for (int i = 0; i < frames.size(); i++) {
            JsonObject peak = frames.get(i).getAsJsonObject().getAsJsonObject("peak");
            double[] looked = medianPoint(truth.get(i).getAsJsonObject().getAsJsonArray("points"));
            double dx = peak.get("x").getAsDouble() - looked[0] / width;
            double dy = (peak.get("y").getAsDouble() - looked[1] / height) * height / width;
            onObject += Math.hypot(dx, dy) <= ON_OBJECT ? 1 : 0;
        }
        assertTrue(onObject >= 0.7 * frames.size(), onObject + " of " + frames.size() + " peaks on the event object");
    }

    /** The per-axis median of the observers' fixations: robust to the few that wander off. */
    private static double[] medianPoint(JsonArray points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        int i = 0;
        for (JsonElement point : points) {
            xs[i] = point.getAsJsonArray().get(0).getAsDouble();
            ys[i++] = point.getAsJsonArray().get(1).getAsDouble();
        }
        return new double[] {median(xs), median(ys)};
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
