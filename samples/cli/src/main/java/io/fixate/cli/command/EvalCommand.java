package io.fixate.cli.command;

import io.fixate.Fixate;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fixate eval}: every metric for models and saved predictions on a dataset with ground truth. */
@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Score models and saved predictions on a dataset with fixation ground truth (the Fixate benchmark, OSIE, "
                + "DHF1K or the STAViS eye-tracking sets) with AUC-J, sAUC, NSS, CC, SIM and KLD.",
        "The centre-bias, uniform and classic-baseline references are always included."})
public final class EvalCommand implements Callable<Integer> {

    /** The reference predictor every report includes. */
    private static final String CLASSICAL_BASELINE = "classic-baseline";

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH", required = true, description = "Dataset root.")
    Path dataset;

    @Option(names = "--model", paramLabel = "NAME", description = "A predictor to score (repeatable).")
    List<String> models = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "NAME=PATH",
            description = "Weights of a --model instead of its bundled ones (repeatable).")
    Map<String, Path> weights = new LinkedHashMap<>();

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
        for (String name : weights.keySet()) {
            if (!models.contains(name)) {
                throw new InvalidOptionsException("--weights names " + name + ", which is not a --model");
            }
        }
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
            Set<String> predictorNames = new LinkedHashSet<>(models);
            predictorNames.add(CLASSICAL_BASELINE);
            for (String name : predictorNames) {
                ModelOptions options = ModelOptions.builder().weights(weights.get(name)).build();
                EntryRole role = name.equals(CLASSICAL_BASELINE) && !models.contains(name)
                        ? EntryRole.BASELINE : EntryRole.MODEL;
                sources.add(new PredictorSource(Fixate.predictor(name, options), role));
            }
            predictions.forEach(dir -> sources.add(
                    UnreadableInputException.whileReading(() -> new PredictionsDirectory(dir))));
            sources.add(ReferenceMaps.centreBias());
            sources.add(ReferenceMaps.uniform());

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
            stdout.println("wrote " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
        } finally {
            sources.forEach(PredictionSource::close);
        }
        return ExitCode.OK;
    }

    private String commandLine() {
        return "fixate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
