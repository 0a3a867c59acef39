package io.fixate.tests;

import io.fixate.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fixate train-labeler} and {@code fixate label} on what users get wrong; training and labelling that succeed
 * are in {@link LabelerTrainingEndToEndTest}.
 */
class LabelerCommandsTest {

    private final Path benchmark = TinyBenchmark.shared();

    @TempDir
    Path dir;

    @Test
    void trainingALabelerThatIsNotThereNamesIt() {
        Cli.run("train-labeler", "--dataset", benchmark, "--out", dir.resolve("w"), "--labeler", "classic-baseline",
                "--no-progress").assertFailsWith(ExitCode.USAGE, "classic-baseline");
        assertFalse(Files.exists(dir.resolve("w")), "nothing written for a failed run");
    }

    @Test
    void trainingOnAMissingDatasetNamesThePath() {
        Path missing = dir.resolve("no-such-dataset");
        Cli.run("train-labeler", "--dataset", missing, "--out", dir.resolve("w"))
                .assertFailsWith(ExitCode.BAD_INPUT, missing.toString());
    }

    @Test
    void trainingNeedsATrainSplit() throws IOException {
        Path root = TinyBenchmark.generate(dir.resolve("tiny"));
        Files.delete(root.resolve("trainSet.txt"));

        Cli.run("train-labeler", "--dataset", root, "--out", dir.resolve("w"))
                .assertFailsWith(ExitCode.USAGE, "no 'train' split");
    }

    @Test
    void trainingSettingsAreKeyValuePairs() {
        Cli.run("train-labeler", "--dataset", benchmark, "--out", dir.resolve("w"), "--set", "epochs")
                .assertFailsWith(ExitCode.USAGE, "epochs");
    }

    @Test
    void labellingWithALabelerThatIsNotThereNamesIt() {
        Cli.run("label", "--dataset", benchmark, "--labeler", "no-such-labeler", "--weights", dir,
                "--out", dir.resolve("maps")).assertFailsWith(ExitCode.USAGE, "no-such-labeler");
        assertFalse(Files.exists(dir.resolve("maps")), "nothing written for a failed run");
    }

    @Test
    void labellingAMissingDatasetNamesThePath() {
        Path missing = dir.resolve("no-such-dataset");
        Cli.run("label", "--dataset", missing, "--labeler", "scam", "--weights", dir, "--out", dir.resolve("maps"))
                .assertFailsWith(ExitCode.BAD_INPUT, missing.toString());
    }

    @Test
    void labellingAnUnknownSplitListsTheSplits() {
        Cli.run("label", "--dataset", benchmark, "--labeler", "scam", "--weights", dir, "--out", dir.resolve("maps"),
                "--split", "holdout").assertFailsWith(ExitCode.USAGE, "available: train, val, test");
    }

    @Test
    void labellingAVideoOutsideTheSplitNamesIt() {
        String trainVideo = TinyBenchmark.idsOf(benchmark, "trainSet.txt").get(0);
        Cli.run("label", "--dataset", benchmark, "--labeler", "scam", "--weights", dir, "--out", dir.resolve("maps"),
                "--videos", trainVideo).assertFailsWith(ExitCode.USAGE, trainVideo);
    }

    @Test
    void helpExplainsEveryOption() {
        String train = Cli.run("train-labeler", "--help").assertSucceeded().out();
        for (String option : new String[]{"--dataset", "--out", "--labeler", "--seed", "--device", "--set"}) {
            assertTrue(train.contains(option), option + " in:\n" + train);
        }
        String label = Cli.run("label", "--help").assertSucceeded().out();
        for (String option : new String[]{"--dataset", "--labeler", "--weights", "--out", "--split", "--videos",
                "--overwrite", "--set", "--device"}) {
            assertTrue(label.contains(option), option + " in:\n" + label);
        }
    }
}
