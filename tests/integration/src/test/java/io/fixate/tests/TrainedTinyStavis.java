package io.fixate.tests;

import io.fixate.fixtures.TempFolders;

import java.nio.file.Path;

/**
 * The third-party sample {@code stavis} trained once per test JVM with {@code fixate train-predictor --model stavis}
 * from the tiny SCAM labeler ({@link TrainedTinyLabeler}) on the tiny benchmark, with settings that make it quick (one
 * epoch per stage, 32-px frames, few samples) but keep the default clip of 8 frames, whose look-behind and look-ahead
 * the provider's info declares: enough to run both stages, the manifest and prediction, not to predict well. The
 * folder is deleted when the JVM exits.
 */
final class TrainedTinyStavis {

    private static final Path WEIGHTS = TempFolders.deletedAtExit("fixate-tiny-stavis").resolve("weights");
    private static Cli training;

    private TrainedTinyStavis() {
    }

    /** The trained folder, to pass as weights. */
    static synchronized Path weights() {
        if (training == null) {
            training = Cli.run("train-predictor", "--model", "stavis", "--dataset", TrainedTinyLabeler.benchmark(),
                    "--labeler", "scam", "--labeler-weights", TrainedTinyLabeler.weights(), "--out", WEIGHTS,
                    "--no-progress", "--set", "visual-epochs=1", "--set", "audio-visual-epochs=1", "--set",
                    "input-size=32", "--set", "frame-stride=8").assertSucceeded();
        }
        return WEIGHTS;
    }
}
