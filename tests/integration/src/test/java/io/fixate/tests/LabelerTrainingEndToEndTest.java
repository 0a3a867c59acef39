package io.fixate.tests;

import io.fixate.fixtures.DamagedWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fixate train-labeler}, {@code label} and {@code eval} on the tiny benchmark, as a user chains them. */
class LabelerTrainingEndToEndTest {

    private static final List<String> STAGES = List.of("audio-classifier-a", "audio-classifier-b", "switch",
            "coarse-s", "coarse-st", "coarse-sa", "fine-s", "fine-st", "fine-sa");

    @Test
    void trainingReportsEveryStageAndLeavesAManifestWithChecksums() throws IOException {
        Cli training = TrainedTinyLabeler.training();
        for (String stage : STAGES) {
            assertTrue(training.out().contains(stage + " epoch 1/1"), "epoch line of " + stage + ": " + training.out());
        }
        String manifest = Files.readString(TrainedTinyLabeler.weights().resolve("manifest.json"));
        assertTrue(manifest.contains("\"format\": \"fixate-scam-labeler/1\""), manifest);
        for (String stage : STAGES) {
            assertTrue(manifest.contains("\"" + stage + ".params\""), "weights of " + stage + " in " + manifest);
        }
        assertTrue(manifest.matches("(?s).*\"sha256\": \"[0-9a-f]{64}\".*"), manifest);
        try (Stream<Path> files = Files.list(TrainedTinyLabeler.weights())) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().equals("checkpoints")),
                    "checkpoints are removed once the labeler is complete");
        }
    }

    @Test
    void thePlusStagesFollowIntoThePlusFolderWithTheirOwnManifest() throws IOException {
        Cli training = TrainedTinyLabeler.training();
        for (String net : List.of("s-short", "s-long", "s-cross", "st-short", "st-long", "st-cross", "sa-long",
                "sa-cross")) {
            assertTrue(training.out().contains("plus-" + net + " epoch 1/1"), "epoch line of " + net + ": "
                    + training.out());
        }
        String manifest = Files.readString(TrainedTinyLabeler.weights().resolve("plus").resolve("manifest.json"));
        assertTrue(manifest.contains("\"format\": \"fixate-scam-plus/1\""), manifest);
        assertTrue(manifest.contains("\"gallery.bin\""), manifest);
    }

    @Test
    void aFinishedRunIsNotRepeatedAndAnotherRunIsRefusedInItsFolder() {
        Path weights = TrainedTinyLabeler.weights();
        Cli again = Cli.run(TrainedTinyLabeler.trainingArguments(weights, TrainedTinyLabeler.SEED)).assertSucceeded();
        for (String stage : STAGES) {
            assertTrue(again.out().contains(stage + " skipped"), "stage " + stage + " skipped: " + again.out());
        }
        Cli.run(TrainedTinyLabeler.trainingArguments(weights, TrainedTinyLabeler.SEED + 1))
                .assertFailsWith(2, "holds a SCAM training run with other settings, seed or data");
    }

    @Test
    void aDatasetWithoutValidationSplitTrainsAndRecordsNoAccuracy(@TempDir Path folder) throws IOException {
        Path benchmark = TinyBenchmark.generate(folder.resolve("benchmark"));
        Files.delete(benchmark.resolve("valSet.txt"));
        Path weights = folder.resolve("weights");

        Cli training = Cli.run(TrainedTinyLabeler.trainingArguments(benchmark, weights, TrainedTinyLabeler.SEED))
                .assertSucceeded();

        assertTrue(training.out().contains("coarse-s epoch 1/1"), training.out());
        assertFalse(training.out().contains(" val "), "no validation score without a val split: "
                + training.out());
        assertFalse(Files.readString(weights.resolve("manifest.json")).contains("validationAccuracy"));
    }

    @Test
    void labelWritesOneMapPerFrameThatEvalScores(@TempDir Path folder) throws IOException {
        Path benchmark = TrainedTinyLabeler.benchmark();
        Path maps = folder.resolve("scam-maps");
        Cli.run("label", "--dataset", benchmark, "--labeler", "scam", "--weights", TrainedTinyLabeler.weights(),
                "--out", maps, "--no-progress").assertSucceeded();

        List<String> testVideos = TinyBenchmark.idsOf(benchmark, "testSet.txt");
        long framesPerClip = Math.round(TinyBenchmark.SPEC.frameRate() * TinyBenchmark.SPEC.clipSeconds());
        for (String video : testVideos) {
            try (Stream<Path> files = Files.list(maps.resolve(video))) {
                assertEquals(framesPerClip, files.count(), "maps of " + video);
            }
        }
        Cli eval = Cli.run("eval", "--dataset", benchmark, "--predictions", maps, "--out", folder.resolve("eval"))
                .assertSucceeded();
        assertTrue(eval.out().toLowerCase(Locale.ROOT).contains("scam-maps"), eval.out());
    }

    @Test
    void damagedWeightsAreRefusedNamingTheFile(@TempDir Path folder) throws IOException {
        Path copy = folder.resolve("weights");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(TrainedTinyLabeler.weights())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path damaged = copy.resolve("coarse-s.params");
        DamagedWeights.flipMiddleByte(damaged, 0x5A);

        Cli.run("label", "--dataset", TrainedTinyLabeler.benchmark(), "--labeler", "cam", "--weights", copy,
                "--out", folder.resolve("maps"), "--no-progress").assertFailsWith(4, "coarse-s.params");
    }
}
