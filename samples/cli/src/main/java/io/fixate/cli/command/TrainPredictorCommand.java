package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PseudoLabeler;
import io.fixate.cli.ExitCode;
import io.fixate.cli.option.TrainingRunOptions;
import io.fixate.eval.dataset.DatasetClips.GroundTruthUse;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
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

/**
 * {@code fixate train-predictor}: trains a predictor on a dataset's recorded gaze where it has one and on a teacher's
 * maps elsewhere: a labeler's (tagged clips) or a predictor's (any clip).
 */
@Command(name = "train-predictor", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Train a predictor on the videos of a dataset's train split and of any --extra-data, validating on its val "
                + "split when it has one. Clips recorded with an eye tracker (OSIE, STAViS, DHF1K) are learnt from "
                + "their viewers' fixations; other clips from a teacher's maps: a --labeler's for tagged clips (the "
                + "Fixate benchmark, AVE), or a --teacher predictor's for any clip, tagged or not. With neither, only "
                + "clips with recorded gaze are learnt from. --learn-ground-truth makes the benchmark's generated "
                + "ground truth count as recorded gaze, for fully supervised models.",
        "Running again with the same --out, data, teacher and settings resumes an interrupted run. Prints one line "
                + "per epoch and, at the end, the weights to pass to 'fixate predict --weights'."})
public final class TrainPredictorCommand implements Callable<Integer> {

    /** The predictor trained when none is named. */
    static final String DEFAULT_MODEL = "stanet";

    @Spec
    CommandSpec spec;

    @Option(names = "--labeler", paramLabel = "NAME",
            description = "Labeler whose maps of tagged clips are learnt, e.g. scam (see 'fixate providers'); "
                    + "exclusive with --teacher.")
    String labeler;

    @Option(names = "--labeler-weights", paramLabel = "PATH",
            description = "The labeler's trained weights, as 'fixate train-labeler' printed them.")
    Path labelerWeights;

    @Option(names = "--labeler-set", paramLabel = "KEY=VALUE",
            description = "A labeler property (repeatable), as 'fixate label --set' takes it.")
    Map<String, String> labelerProperties = new LinkedHashMap<>();

    @Option(names = "--teacher", paramLabel = "MODEL",
            description = "Predictor whose maps of clips without recorded gaze are learnt, tagged or not, e.g. a "
                    + "stanet trained on OSIE teaching untagged real footage; exclusive with --labeler.")
    String teacher;

    @Option(names = "--teacher-weights", paramLabel = "PATH",
            description = "The teacher's weights instead of its bundled ones, as 'fixate predict --weights' takes "
                    + "them.")
    Path teacherWeights;

    @Option(names = {"-t", "--teacher-set"}, paramLabel = "KEY=VALUE",
            description = "A teacher setting (repeatable), as 'fixate predict -o' takes it.")
    Map<String, String> teacherProperties = new LinkedHashMap<>();

    @Option(names = "--learn-ground-truth",
            description = "Learn from the benchmark's generated ground truth as from recorded gaze (full supervision, "
                    + "as STAViS and AVRSP were trained in their papers). Without it that ground truth is the "
                    + "evaluation's alone, as the weakly supervised protocol has it.")
    boolean learnGroundTruth;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = DEFAULT_MODEL,
            description = "Predictor to train (see 'fixate providers'). Default: ${DEFAULT-VALUE}.")
    String model;

    /** --dataset, --out, --seed; --device (for the teacher and the training), --set (the predictor's settings). */
    @Mixin
    TrainingRunOptions run;

    @Override
    public Integer call() {
        checkTeacherOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingData data = run.data(learnGroundTruth ? GroundTruthUse.ANY : GroundTruthUse.RECORDED_GAZE);
        checkEveryClipHasTargets(data);
        Path weights;
        String trained;
        if (labeler != null) {
            try (PseudoLabeler maps = Fixate.labeler(labeler, teacherOptions(labelerWeights, labelerProperties))) {
                weights = train(data, Teacher.of(maps));
            }
            trained = model + " from " + labeler + "'s maps";
        } else if (teacher != null) {
            try (FixationPredictor maps = Fixate.predictor(teacher, teacherOptions(teacherWeights, teacherProperties))) {
                weights = train(data, Teacher.of(maps));
            }
            trained = model + " from " + teacher + "'s maps";
        } else {
            weights = train(data, Teacher.none());
            trained = model + (learnGroundTruth ? " from ground truth" : " from recorded gaze");
        }
        run.report(stdout, trained, data, weights);
        return ExitCode.OK;
    }

    /** The teacher runs on the training's device. */
    private ModelOptions teacherOptions(Path weights, Map<String, String> properties) {
        ModelOptions.Builder options = ModelOptions.builder().device(run.settings().device()).weights(weights);
        properties.forEach(options::property);
        return options.build();
    }

    private Path train(TrainingData data, Teacher maps) {
        return Fixate.trainPredictor(model, data, maps, run.request(),
                run.monitor(spec.commandLine().getOut(), spec.commandLine().getErr()));
    }

    /** Refuses options that belong to a teacher not chosen, before any data is read. */
    private void checkTeacherOptions() {
        if (labeler != null && teacher != null) {
            throw new InvalidOptionsException("--labeler and --teacher are exclusive: one teacher makes the maps of "
                    + "the clips without recorded gaze; choose a labeler for tagged clips or a predictor for any");
        }
        if (labeler == null && (labelerWeights != null || !labelerProperties.isEmpty())) {
            throw new InvalidOptionsException("--labeler-weights and --labeler-set need --labeler");
        }
        if (teacher == null && (teacherWeights != null || !teacherProperties.isEmpty())) {
            throw new InvalidOptionsException("--teacher-weights and --teacher-set need --teacher");
        }
    }

    /**
     * Refuses, before any model loads, training data whose clips the chosen teacher cannot make targets of: with no
     * teacher, data without any recorded gaze; with a labeler, a clip with neither recorded gaze nor a tag.
     */
    private void checkEveryClipHasTargets(TrainingData data) {
        if (labeler == null && teacher == null
                && data.training().stream().noneMatch(clip -> clip.gaze().isPresent())) {
            throw new InvalidOptionsException("no clip of " + data.name() + " has recorded gaze, and without "
                    + "--labeler or --teacher nothing makes its targets; train on eye-tracking data (OSIE, STAViS, "
                    + "DHF1K), name a teacher, or, on the benchmark, learn its ground truth (--learn-ground-truth)");
        }
        if (labeler != null) {
            for (TrainingClip clip : data.training()) {
                if (clip.gaze().isEmpty() && clip.tags().isEmpty()) {
                    throw new InvalidOptionsException("clip '" + clip.id() + "' of " + data.name() + " has neither "
                            + "recorded gaze nor a tag, so labeler " + labeler + " cannot make its maps; name a "
                            + "predictor as --teacher for untagged clips");
                }
            }
        }
    }
}
