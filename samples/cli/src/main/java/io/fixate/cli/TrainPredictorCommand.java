package io.fixate.cli;

import io.fixate.Fixate;
import io.fixate.api.ModelOptions;
import io.fixate.api.PseudoLabeler;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fixate train-predictor}: distils a trained labeler's maps of a dataset's tagged clips into a predictor. */
@Command(name = "train-predictor", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Train a predictor on the pseudo-fixation maps a labeler makes of a tagged dataset (the Fixate benchmark or "
                + "AVE): on the videos of its train split, validating against the labeler's maps of its val split "
                + "when it has one.",
        "Running again with the same --out, dataset, labeler and settings resumes an interrupted run. Prints one line "
                + "per epoch and, at the end, the weights to pass to 'fixate predict --weights'."})
final class TrainPredictorCommand implements Callable<Integer> {

    /** The predictor trained when none is named. */
    static final String DEFAULT_MODEL = "stanet";

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH", required = true,
            description = "Dataset root; needs category tags the labeler knows and a train split.")
    Path dataset;

    @Option(names = "--labeler", paramLabel = "NAME", required = true,
            description = "Labeler whose maps are learnt, e.g. scam (see 'fixate providers').")
    String labeler;

    @Option(names = "--labeler-weights", paramLabel = "PATH",
            description = "The labeler's trained weights, as 'fixate train-labeler' printed them.")
    Path labelerWeights;

    @Option(names = "--labeler-set", paramLabel = "KEY=VALUE",
            description = "A labeler property (repeatable), as 'fixate label --set' takes it.")
    Map<String, String> labelerProperties = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the weights, checkpoints and manifest (created if missing).")
    Path out;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = DEFAULT_MODEL,
            description = "Predictor to train (see 'fixate providers'). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7",
            description = "Seed of initialisation and shuffling. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** --device (for the labeler and the training), --set (the predictor's training settings), --no-progress. */
    @Mixin
    ModelSettings settings;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long startNanos = System.nanoTime();
        EvalDataset data = InputFileException.opening(() -> Datasets.open(dataset));
        TrainingData training = DatasetClips.trainingData(data);
        TrainingRequest request = new TrainingRequest(out, seed, settings.device(), settings.settings());
        ModelOptions.Builder teacherOptions = ModelOptions.builder().device(settings.device());
        if (labelerWeights != null) {
            teacherOptions.weights(labelerWeights);
        }
        labelerProperties.forEach(teacherOptions::property);
        ConsoleTrainingMonitor monitor = new ConsoleTrainingMonitor(stdout, err, settings.showProgress(),
                System.console() != null);
        Path weights;
        try (PseudoLabeler teacher = Fixate.labeler(labeler, teacherOptions.build())) {
            weights = Fixate.trainPredictor(model, training, teacher, request, monitor);
        }
        stdout.printf(Locale.ROOT, "trained %s from %s's maps of %s (%d clips, %d for validation) in %.1f s%n"
                        + "weights: %s%n", model, labeler, training.name(), training.training().size(),
                training.validation().size(), (System.nanoTime() - startNanos) / 1e9, weights);
        stdout.flush();
        return ExitCode.OK;
    }
}
