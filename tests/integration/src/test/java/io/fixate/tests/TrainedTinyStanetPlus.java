package io.fixate.tests;

import io.fixate.fixtures.TempFolders;

import java.nio.file.Path;

/**
 * STANet+ trained once per test JVM with {@code fixate train-predictor --model stanet-plus} from the tiny SCAM+ labeler
 * ({@link TrainedTinyLabeler}, as {@code scam-plus}) on the tiny benchmark, with settings that make it quick (one epoch
 * per stage, small frames, few samples): enough to run every stage (the STA first, then STA+Short and STA+Long), the
 * manifest and prediction, not to predict well. The folder is deleted when the JVM exits.
 */
final class TrainedTinyStanetPlus {

    private static final Path WEIGHTS = TempFolders.deletedAtExit("fixate-tiny-stanet-plus").resolve("weights");
    private static Cli training;

    private TrainedTinyStanetPlus() {
    }

    /** The trained folder, to pass as weights. */
    static synchronized Path weights() {
        training();
        return WEIGHTS;
    }

    /** What the training run printed. */
    static synchronized Cli training() {
        if (training == null) {
            training = Cli.run("train-predictor", "--model", "stanet-plus", "--dataset", TrainedTinyLabeler.benchmark(),
                    "--labeler", "scam-plus", "--labeler-weights", TrainedTinyLabeler.weights(), "--out", WEIGHTS,
                    "--no-progress", "--set", "epochs=1", "--set", "input-size=32", "--set", "frame-stride=8",
                    "--set", "steps=2").assertSucceeded();
        }
        return training;
    }
}
