package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.cli.ExitCode;
import io.fixate.cli.option.TrainingRunOptions;
import io.fixate.eval.dataset.DatasetClips;
import io.fixate.spi.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fixate train-labeler}: trains a labeler's weights on the tagged clips of a dataset. */
@Command(name = "train-labeler", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Train a pseudo-labeler on a tagged dataset (the Fixate benchmark or AVE): on the videos of its train split "
                + "and of any --extra-data, validating on its val split when it has one.",
        "Running again with the same --out, dataset and settings resumes an interrupted run; stages it finished "
                + "are skipped. Prints one line per epoch and, at the end, the weights to pass to "
                + "'fixate label --weights'."})
public final class TrainLabelerCommand implements Callable<Integer> {

    /** The labeler trained when none is named. */
    static final String DEFAULT_LABELER = "scam";

    @Spec
    CommandSpec spec;

    @Option(names = "--labeler", paramLabel = "NAME", defaultValue = DEFAULT_LABELER,
            description = "Labeler to train (see 'fixate providers'). Default: ${DEFAULT-VALUE}.")
    String labeler;

    @Mixin
    TrainingRunOptions run;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingData data = run.data(DatasetClips.GroundTruthUse.RECORDED_GAZE);
        data.requireTags();
        Path weights = Fixate.trainLabeler(labeler, data, run.request(),
                run.monitor(stdout, spec.commandLine().getErr()));
        run.report(stdout, labeler, data, weights);
        return ExitCode.OK;
    }
}
