package io.fixate.tests;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.fixate.cli.ExitCode;
import io.fixate.spi.ProviderFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fixate train-predictor} as a user chains it: the tiny benchmark's trained SCAM labeler is distilled into
 * STANet, whose weights {@code fixate predict} then runs; and the models it cannot train.
 */
class PredictorTrainingEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aModelThatIsNotThereIsNamed() {
        trainPredictor(dir.resolve("p"), "--model", "no-such-model").assertFailsWith(ExitCode.USAGE, "no-such-model");
        assertFalse(Files.exists(dir.resolve("p")), "nothing written for a failed run");
    }

    @Test
    void aPredictorThatCannotBeTrainedIsRefusedListingThoseThatCan() {
        trainPredictor(dir.resolve("p"), "--model", "classic-baseline").assertFailsWith(ExitCode.USAGE,
                "'classic-baseline' cannot be trained; trainable predictors: [avrsp, stanet, stanet-plus, stavis]");
    }

    @Test
    void theDistilledStanetPredictsEveryFrameOfAVideo() throws IOException {
        Path weights = dir.resolve("stanet");
        Cli training = trainPredictor(weights, "--set", "epochs=1", "--set", "input-size=32", "--set",
                "frame-stride=8").assertSucceeded();
        assertTrue(training.out().contains("distill epoch 1/1"), training.out());
        assertTrue(training.out().contains("weights: " + weights), training.out());
        String manifest = Files.readString(weights.resolve("manifest.json"));
        assertTrue(manifest.contains("\"format\": \"fixate-stanet/1\"") && manifest.contains("\"teacher\": \"scam\"")
                && manifest.matches("(?s).*\"parametersSha256\": \"[0-9a-f]{64}\".*"), manifest);
        String labelerManifest = ProviderFiles.sha256Hex(TrainedTinyLabeler.weights().resolve("manifest.json"));
        assertTrue(manifest.contains("weights manifest SHA-256 " + labelerManifest), "the teacher's weights: "
                + manifest);

        assertPredictsEveryFrameOfATestVideo("stanet", weights);

        Cli scored = Cli.run("eval", "--dataset", TrainedTinyLabeler.benchmark(), "--model", "stanet", "--weights",
                "stanet=" + weights, "--max-videos", "1", "--out", dir.resolve("eval"), "--no-progress")
                .assertSucceeded();
        assertTrue(scored.out().lines().anyMatch(line -> line.startsWith("| stanet ")), scored.out());
    }

    @Test
    void stanetPlusTrainsItsStaThenBothStaPlusNetsAndPredictsEveryFrame() throws IOException {
        Cli training = TrainedTinyStanetPlus.training();
        for (String stage : new String[] {"distill epoch 1/1", "distill-short epoch 1/1", "distill-long epoch 1/1"}) {
            assertTrue(training.out().contains(stage), training.out());
        }
        Path weights = TrainedTinyStanetPlus.weights();
        String manifest = Files.readString(weights.resolve("manifest.json"));
        assertTrue(manifest.contains("\"format\": \"fixate-stanet-plus/1\"")
                && manifest.contains("\"teacher\": \"scam-plus\"") && manifest.contains("\"short\"")
                && manifest.contains("\"long\""), manifest);
        assertPredictsEveryFrameOfATestVideo("stanet+", weights);
    }

    /** {@code fixate predict --model model --weights weights} writes one map per frame of a test video. */
    private void assertPredictsEveryFrameOfATestVideo(String model, Path weights) throws IOException {
        Path video = TrainedTinyLabeler.benchmark().resolve("videos")
                .resolve(TinyBenchmark.idsOf(TrainedTinyLabeler.benchmark(), "testSet.txt").get(0) + ".mp4");
        Path json = dir.resolve(model + ".json");
        Cli.run("predict", video, "--model", model, "--weights", weights, "--json", json, "--no-progress")
                .assertSucceeded();
        JsonArray frames = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("frames");
        assertEquals(Math.round(TinyBenchmark.SPEC.frameRate() * TinyBenchmark.SPEC.clipSeconds()), frames.size());
    }

    @Test
    void evalRefusesWeightsForAModelItDoesNotScore() {
        Cli.run("eval", "--dataset", TrainedTinyLabeler.benchmark(), "--weights", "stanet=" + dir, "--no-progress")
                .assertFailsWith(ExitCode.USAGE, "--weights names stanet, which is not a --model");
    }

    private static Cli trainPredictor(Path out, Object... more) {
        Object[] head = {"train-predictor", "--dataset", TrainedTinyLabeler.benchmark(), "--labeler", "scam",
                "--labeler-weights", TrainedTinyLabeler.weights(), "--out", out, "--no-progress"};
        Object[] arguments = new Object[head.length + more.length];
        System.arraycopy(head, 0, arguments, 0, head.length);
        System.arraycopy(more, 0, arguments, head.length, more.length);
        return Cli.run(arguments);
    }
}
