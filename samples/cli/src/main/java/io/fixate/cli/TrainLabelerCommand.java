package io.fixate.cli;

import io.fixate.Fixate;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fixate train-labeler}: trains a labeler's weights on the tagged clips of a dataset. */
@Command(name = "train-labeler", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Train a pseudo-labeler on a tagged dataset (the Fixate benchmark or AVE): on the videos of its train split, "
                + "validating on its val split when it has one.",
        "Running again with the same --out, dataset and settings resumes an interrupted run; stages it finished "
                + "are skipped. Prints one line per epoch and, at the end, the weights to pass to "
                + "'fixate label --weights'."})
final class TrainLabelerCommand implements Callable<Integer> {

    /** The labeler trained when none is named. */
    static final String DEFAULT_LABELER = "scam";

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH", required = true,
            description = "Dataset root; needs category tags and a train split.")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the weights, checkpoints and manifest (created if missing).")
    Path out;

    @Option(names = "--labeler", paramLabel = "NAME", defaultValue = DEFAULT_LABELER,
            description = "Labeler to train (see 'fixate providers'). Default: ${DEFAULT-VALUE}.")
    String labeler;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
            description = "Seed of initialisation, shuffling and sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ModelSettings labelerSettings;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long startNanos = System.nanoTime();
        EvalDataset data = InputFileException.opening(() -> Datasets.open(dataset));
        TrainingData training = DatasetClips.trainingData(data);
        TrainingRequest request = new TrainingRequest(out, seed, labelerSettings.device(),
                labelerSettings.settings());
        ConsoleTrainingMonitor monitor = new ConsoleTrainingMonitor(stdout, err, labelerSettings.showProgress(),
                System.console() != null);
        Path weights = Fixate.trainLabeler(labeler, training, request, monitor);
        stdout.printf(Locale.ROOT, "trained %s on %s (%d clips, %d for validation) in %.1f s%nweights: %s%n",
                labeler, training.name(), training.training().size(), training.validation().size(),
                (System.nanoTime() - startNanos) / 1e9, weights);
        stdout.flush();
        return ExitCode.OK;
    }
}
