package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.ProgressBar;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.evaluation.Evaluator;
import io.fixate.eval.evaluation.GroundTruthBounds;
import io.fixate.eval.evaluation.PredictionSource;
import io.fixate.eval.evaluation.PredictionsDirectory;
import io.fixate.eval.evaluation.PredictorSource;
import io.fixate.eval.evaluation.ReferenceMaps;
import io.fixate.eval.metrics.MetricOptions;
import io.fixate.eval.report.EntryRole;
import io.fixate.eval.report.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fixate eval}: every metric for models and saved predictions on a dataset with ground truth. */
@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Score models and saved predictions on a dataset with fixation ground truth (the Fixate benchmark, OSIE, "
                + "DHF1K or the STAViS eye-tracking sets) with AUC-J, sAUC, NSS, CC, SIM and KLD.",
        "The centre-bias, uniform and classic-baseline references are always included. Where the dataset marks "
                + "the frames where context decides (the granularity benchmark), the report also scores those "
                + "frames alone, per scenario."})
public final class EvalCommand implements Callable<Integer> {

    /** The reference predictor every report includes. */
    private static final String CLASSICAL_BASELINE = "classic-baseline";

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH", required = true, description = "Dataset root.")
    Path dataset;

    @Option(names = "--model", paramLabel = "NAME|ROW=NAME", description = "A predictor to score (repeatable): a "
            + "report row named as the model, or ROW=NAME, a row of that name (no ':' in it) for the model, so "
            + "that one model can be scored several times with different options or weights.")
    List<String> models = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "ROW=PATH",
            description = "Weights of a --model row instead of its bundled ones (repeatable).")
    Map<String, Path> weights = new LinkedHashMap<>();

    @Option(names = {"-o", "--option"}, paramLabel = "ROW:KEY=VALUE",
            description = "A model-specific setting of a --model row, e.g. short:nets=short (repeatable; a key the "
                    + "model does not know is refused with its keys).")
    List<String> options = new ArrayList<>();

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "Saved maps to score, DIR/<video id>/map_000000.png ... (repeatable).")
    List<Path> predictions = new ArrayList<>();

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--out", paramLabel = "DIR", description = "Where report.json and report.html go. "
            + "Default: eval-<dataset>-<split> in the current directory.")
    Path out;

    @Option(names = "--bounds", description = "Also score the ground truth against itself and the inter-observer "
            + "agreement (half the observers predicting the other half).")
    boolean bounds;

    @Option(names = "--convention", paramLabel = "mit|pysaliency", defaultValue = "mit",
            description = "Metric conventions. Default: ${DEFAULT-VALUE}.")
    String convention;

    @Option(names = "--stavis-postprocess", description = "Blur predictions as STAViS does (sigma 2) before scoring.")
    boolean stavisPostprocess;

    @Option(names = "--max-videos", paramLabel = "N", defaultValue = "0", description = "Score only the first N.")
    int maxVideos;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "6",
            description = "Example frames in the HTML report. Default: ${DEFAULT-VALUE}.")
    int examples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the inter-observer split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MetricOptions metrics = switch (convention.toLowerCase()) {
            case "mit" -> MetricOptions.mit();
            case "pysaliency" -> MetricOptions.pysaliency();
            default -> throw new InvalidOptionsException(
                    "--convention must be mit or pysaliency, got '" + convention + "'");
        };
        List<EvalModelRows.Row> rows = EvalModelRows.parse(models, options, weights);
        EvalDataset data = UnreadableInputException.whileReading(() -> Datasets.open(dataset));
        Evaluator evaluator = new Evaluator(new Evaluator.Settings(split, metrics, stavisPostprocess, maxVideos,
                examples));
        int videos = evaluator.videosToScore(data).size(); // checks ground truth and split before models load
        List<PredictionSource> sources = new ArrayList<>();
        try {
            if (bounds) {
                sources.add(GroundTruthBounds.groundTruth());
                sources.add(GroundTruthBounds.interObserver(seed));
            }
            for (EvalModelRows.Row row : rows) {
                sources.add(open(row, EntryRole.MODEL));
            }
            if (rows.stream().noneMatch(row -> row.name().equals(CLASSICAL_BASELINE))) {
                sources.add(open(new EvalModelRows.Row(CLASSICAL_BASELINE, CLASSICAL_BASELINE, false,
                        ModelOptions.defaults()), EntryRole.BASELINE));
            }
            predictions.forEach(dir -> sources.add(
                    UnreadableInputException.whileReading(() -> new PredictionsDirectory(dir))));
            sources.add(ReferenceMaps.centreBias());
            sources.add(ReferenceMaps.uniform());
            requireDistinctNames(sources);

            ProgressBar progress = new ProgressBar(err, "eval", "videos", videos, System.console() != null);
            EvaluationReport report = evaluator.evaluate(data, sources, commandLine(),
                    (done, total) -> {
                        if (!noProgress) {
                            progress.update(done);
                        }
                    });
            progress.finish();
            Path target = out != null ? out : Path.of("eval-" + data.name() + "-" + split);
            List<Path> written = report.write(target);
            stdout.print(report.table());
            stdout.print(report.contextTable());
            stdout.println("wrote " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
        } finally {
            sources.forEach(PredictionSource::close);
        }
        return ExitCode.OK;
    }

    /** Opens a row's model; a setting the model refuses is reported with the row it was given to. */
    private static PredictorSource open(EvalModelRows.Row row, EntryRole role) {
        FixationPredictor predictor;
        try {
            predictor = Fixate.predictor(row.provider(), row.options());
        } catch (InvalidOptionsException e) {
            throw new InvalidOptionsException("--model " + row.name() + (row.named() ? "=" + row.provider() : "")
                    + ": " + e.getMessage(), e);
        }
        return new PredictorSource(row.named() ? row.name() : predictor.info().name(), predictor, role);
    }

    /** Two entries of one name would be indistinguishable in the report. */
    private static void requireDistinctNames(List<PredictionSource> sources) {
        Set<String> names = new HashSet<>();
        for (PredictionSource source : sources) {
            if (!names.add(source.name())) {
                throw new InvalidOptionsException("two entries of the report would be named '" + source.name()
                        + "'; name the --model rows apart (ROW=NAME) or the --predictions folders");
            }
        }
    }

    private String commandLine() {
        return "fixate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
