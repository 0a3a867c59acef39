package io.fixate.tests;

import io.fixate.fixtures.TempFolders;

import java.nio.file.Path;

/**
 * The avrsp sample trained small once per test JVM (its bundled weights carry a MobileNetV2, too slow for every test)
 * with {@code fixate train-predictor --model avrsp} on the shared tiny benchmark, taught by the classic baseline (a
 * teacher that needs no training of its own), with settings that make it quick (small frames, one epoch per phase,
 * few clips): enough to run both phases, the manifest and prediction, not to predict well. The folder is deleted when the JVM exits.
 */
final class TrainedTinyAvrsp {

    private static final Path WEIGHTS = TempFolders.deletedAtExit("fixate-tiny-avrsp").resolve("weights");
    private static Cli training;

    private TrainedTinyAvrsp() {
    }

    /** The trained folder, to pass as weights. */
    static synchronized Path weights() {
        training();
        return WEIGHTS;
    }

    /** What the training run printed. */
    static synchronized Cli training() {
        if (training == null) {
            training = Cli.run("train-predictor", "--model", "avrsp", "--dataset", TinyBenchmark.shared(),
                    "--teacher", "classic-baseline", "--out", WEIGHTS, "--no-progress", "--set", "input-size=32",
                    "--set", "visual-epochs=1", "--set", "audio-visual-epochs=1", "--set", "frame-stride=8")
                    .assertSucceeded();
        }
        return training;
    }
}
