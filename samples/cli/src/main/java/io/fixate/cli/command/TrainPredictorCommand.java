package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.api.ModelOptions;
import io.fixate.api.PseudoLabeler;
import io.fixate.cli.ExitCode;
import io.fixate.cli.option.TrainingRunOptions;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fixate train-predictor}: distils a trained labeler's maps of a dataset's tagged clips into a predictor. */
@Command(name = "train-predictor", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Train a predictor on the pseudo-fixation maps a labeler makes of a tagged dataset (the Fixate benchmark or "
                + "AVE): on the videos of its train split and of any --extra-data, validating against the labeler's "
                + "maps of its val split when it has one.",
        "Running again with the same --out, dataset, labeler and settings resumes an interrupted run. Prints one line "
                + "per epoch and, at the end, the weights to pass to 'fixate predict --weights'."})
public final class TrainPredictorCommand implements Callable<Integer> {

    /** The predictor trained when none is named. */
    static final String DEFAULT_MODEL = "stanet";

    @Spec
    CommandSpec spec;

    @Option(names = "--labeler", paramLabel = "NAME", required = true,
            description = "Labeler whose maps are learnt, e.g. scam (see 'fixate providers').")
    String labeler;

    @Option(names = "--labeler-weights", paramLabel = "PATH",
            description = "The labeler's trained weights, as 'fixate train-labeler' printed them.")
    Path labelerWeights;

    @Option(names = "--labeler-set", paramLabel = "KEY=VALUE",
            description = "A labeler property (repeatable), as 'fixate label --set' takes it.")
    Map<String, String> labelerProperties = new LinkedHashMap<>();

    @Option(names = "--model", paramLabel = "NAME", defaultValue = DEFAULT_MODEL,
            description = "Predictor to train (see 'fixate providers'). Default: ${DEFAULT-VALUE}.")
    String model;

    /** --dataset, --out, --seed; --device (for the labeler and the training), --set (the predictor's settings). */
    @Mixin
    TrainingRunOptions run;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingData data = run.data();
        ModelOptions.Builder teacherOptions = ModelOptions.builder().device(run.settings().device())
                .weights(labelerWeights);
        labelerProperties.forEach(teacherOptions::property);
        Path weights;
        try (PseudoLabeler teacher = Fixate.labeler(labeler, teacherOptions.build())) {
            weights = Fixate.trainPredictor(model, data, Teacher.of(teacher), run.request(),
                    run.monitor(stdout, spec.commandLine().getErr()));
        }
        run.report(stdout, model + " from " + labeler + "'s maps", data, weights);
        return ExitCode.OK;
    }
}
