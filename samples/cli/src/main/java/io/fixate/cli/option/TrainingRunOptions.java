package io.fixate.cli.option;

import io.fixate.api.UnreadableInputException;
import io.fixate.eval.dataset.DatasetClips;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the training commands share: the dataset and any extra ones, the output folder, the seed, the model
 * settings, the console progress and the closing summary.
 */
public final class TrainingRunOptions {

    @Option(names = "--dataset", paramLabel = "PATH", required = true,
            description = "Dataset root with a train split: the Fixate benchmark or AVE (tagged), OSIE, STAViS or "
                    + "DHF1K (recorded gaze). A labeler learns only from tags.")
    Path dataset;

    @Option(names = "--extra-data", paramLabel = "PATH",
            description = "Another dataset whose every video, whatever its split, is also trained on (repeatable); "
                    + "its tags must be in --dataset's label set when that has one. For example a benchmark "
                    + "generated with another --seed, your own tagged clips beside AVE, or a folder of untagged "
                    + "real clips for a --teacher predictor.")
    List<Path> extraData = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the weights, checkpoints and manifest (created if missing).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
            description = "Seed of initialisation, shuffling and sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ModelSettings settings;

    private final long startNanos = System.nanoTime();

    /** Where the model trains and its own settings. */
    public ModelSettings settings() {
        return settings;
    }

    /**
     * The dataset's train split and the extra datasets to train on, its val split, if any, to validate with; clips
     * carry the ground truth {@code use} allows.
     */
    public TrainingData data(DatasetClips.GroundTruthUse use) {
        List<EvalDataset> extra = new ArrayList<>();
        for (Path root : extraData) {
            extra.add(open(root));
        }
        return DatasetClips.trainingData(open(dataset), extra, use);
    }

    private static EvalDataset open(Path root) {
        return UnreadableInputException.whileReading(() -> Datasets.open(root));
    }

    public TrainingRequest request() {
        return new TrainingRequest(out, seed, settings.device(), settings.settings());
    }

    public TrainingMonitor monitor(PrintWriter stdout, PrintWriter err) {
        return new ConsoleTrainingMonitor(stdout, err, settings.showProgress(), System.console() != null);
    }

    /** The closing lines: what was trained on what, how long it took, and the weights to pass on. */
    public void report(PrintWriter stdout, String trained, TrainingData data, Path weights) {
        stdout.printf(Locale.ROOT, "trained %s on %s (%d clips, %d for validation) in %.1f s%nweights: %s%n",
                trained, data.name(), data.training().size(), data.validation().size(),
                (System.nanoTime() - startNanos) / 1e9, weights);
        stdout.flush();
    }
}
