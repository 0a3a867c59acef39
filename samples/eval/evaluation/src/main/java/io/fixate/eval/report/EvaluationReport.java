package io.fixate.eval.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.fixate.api.files.AtomicFile;
import io.fixate.eval.metrics.Convention;
import io.fixate.eval.metrics.FrameScores;
import io.fixate.eval.metrics.Metric;
import io.fixate.eval.metrics.Scoreboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The result of evaluating several models on one dataset split: every metric per video and per dataset (STAViS
 * averaging: NaN frames dropped per video, NaN videos dropped per dataset), per scenario where the dataset labels its
 * videos with scenarios, the same over only the frames where context decides where the dataset marks them (the
 * granularity benchmark's context frames), and example frames. Renders as console tables, JSON and a
 * self-contained HTML page.
 */
public final class EvaluationReport {

    /** The metrics per-scenario tables show: those that show the room on the benchmark (docs/benchmark.md). */
    static final List<Metric> SCENARIO_METRICS = List.of(Metric.CC, Metric.NSS);

    private final String dataset;
    private final String split;
    private final String command;
    private final List<ModelScores> models;
    private final Map<String, Set<String>> scenariosByVideo;
    private final List<ExampleFrame> examples;

    /**
     * @param dataset          the dataset's name
     * @param split            the split evaluated, e.g. {@code test}
     * @param command          the command line that produced the report, for reproduction
     * @param models           the models, in the order reports show them; all scored under one convention
     * @param scenariosByVideo what each video tests, for per-scenario means; empty when the dataset has no labels
     * @param examples         frames for the example grid
     */
    public EvaluationReport(String dataset, String split, String command, List<ModelScores> models,
                            Map<String, Set<String>> scenariosByVideo, List<ExampleFrame> examples) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one model");
        }
        Convention convention = models.get(0).scores().convention();
        if (models.stream().anyMatch(m -> m.scores().convention() != convention)) {
            throw new IllegalArgumentException("all models of a report must be scored under one convention");
        }
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.split = Objects.requireNonNull(split, "split");
        this.command = Objects.requireNonNull(command, "command");
        this.models = List.copyOf(models);
        this.scenariosByVideo = Collections.unmodifiableMap(new LinkedHashMap<>(scenariosByVideo));
        this.examples = List.copyOf(examples);
    }

    public Convention convention() {
        return models.get(0).scores().convention();
    }

    public List<ModelScores> models() {
        return models;
    }

    /** The dataset mean of {@code metric} for {@code model}. */
    public double datasetMean(ModelScores model, Metric metric) {
        return model.scores().datasetMean(metric).value();
    }

    /** The scenarios that label at least one video, sorted. */
    public Set<String> scenarios() {
        Set<String> all = new TreeSet<>();
        scenariosByVideo.values().forEach(all::addAll);
        return all;
    }

    /** The mean over the videos labelled {@code scenario} of their means of {@code metric}; NaN videos dropped. */
    public double scenarioMean(ModelScores model, String scenario, Metric metric) {
        return scenarioMean(model.scores(), scenario, metric);
    }

    /** Whether the dataset marks frames where context decides, so that the report has their scores. */
    public boolean hasContextFrames() {
        return models.stream().anyMatch(m -> !m.contextScores().videos().isEmpty());
    }

    /** The scenarios that label at least one video with context frames, sorted. */
    public Set<String> contextScenarios() {
        Set<String> all = new TreeSet<>();
        models.forEach(m -> m.contextScores().videos().forEach(v -> all.addAll(scenariosByVideo.getOrDefault(v,
                Set.of()))));
        return all;
    }

    /** The mean over the videos with context frames of their context frames' mean of {@code metric}. */
    public double contextMean(ModelScores model, Metric metric) {
        return model.contextScores().datasetMean(metric).value();
    }

    /**
     * The mean over the videos labelled {@code scenario} of the mean of {@code metric} over each one's context
     * frames; NaN frames and videos dropped, videos without context frames left out.
     */
    public double contextScenarioMean(ModelScores model, String scenario, Metric metric) {
        return scenarioMean(model.contextScores(), scenario, metric);
    }

    private double scenarioMean(Scoreboard board, String scenario, Metric metric) {
        return Scoreboard.meanDroppingNaN(board.videos().stream()
                .filter(v -> scenariosByVideo.getOrDefault(v, Set.of()).contains(scenario))
                .mapToDouble(v -> board.videoMean(v, metric).value()).toArray());
    }

    /** A plain-text table of the dataset means, one row per model, for the console and for Markdown docs. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| %-22s | %-11s |", "model", "role"));
        for (Metric metric : Metric.values()) {
            out.append(String.format(Locale.ROOT, " %6s |", metric.label() + (metric.higherIsBetter() ? "" : "↓")));
        }
        out.append('\n').append("|").append("-".repeat(24)).append("|").append("-".repeat(13)).append("|");
        for (int i = 0; i < Metric.values().length; i++) {
            out.append("-".repeat(8)).append("|");
        }
        out.append('\n');
        for (ModelScores model : models) {
            out.append(String.format(Locale.ROOT, "| %-22s | %-11s |", model.model(), model.role().label()));
            for (Metric metric : Metric.values()) {
                out.append(String.format(Locale.ROOT, " %6s |", format(datasetMean(model, metric))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A plain-text table of CC and NSS over the context frames of each scenario, one row per model, for the
     * ablations of the granularity benchmark; empty when the dataset marks no context frames.
     */
    public String contextTable() {
        if (!hasContextFrames()) {
            return "";
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %-22s |", "model (context frames)"));
        StringBuilder rule = new StringBuilder("|" + "-".repeat(24) + "|");
        for (String scenario : contextScenarios()) {
            for (Metric metric : SCENARIO_METRICS) {
                String column = scenario + " " + metric.label();
                header.append(' ').append(column).append(" |");
                rule.append("-".repeat(column.length() + 2)).append('|');
            }
        }
        StringBuilder out = new StringBuilder().append(header).append('\n').append(rule).append('\n');
        for (ModelScores model : models) {
            out.append(String.format(Locale.ROOT, "| %-22s |", model.model()));
            for (String scenario : contextScenarios()) {
                for (Metric metric : SCENARIO_METRICS) {
                    int width = scenario.length() + 1 + metric.label().length();
                    out.append(String.format(Locale.ROOT, " %" + width + "s |",
                            format(contextScenarioMean(model, scenario, metric))));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        // Rounding error can leave a score a hair below zero (a KLD of a map with itself); never print "-0.000".
        return String.format(Locale.ROOT, "%.3f", Math.abs(value) < 5e-4 ? 0.0 : value);
    }

    /**
     * Everything the report knows, as JSON: dataset means, per-scenario and per-video means, dropped counts and every
     * frame's scores (null where a metric is undefined); where the dataset marks context frames, their means
     * ({@code contextFrames}: over the dataset, per scenario, per video with its count).
     */
    public JsonObject toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("format", "fixate-evaluation/1");
        root.addProperty("dataset", dataset);
        root.addProperty("split", split);
        root.addProperty("convention", convention().label());
        root.addProperty("command", command);
        JsonArray entries = new JsonArray();
        for (ModelScores model : models) {
            Scoreboard board = model.scores();
            JsonObject entry = new JsonObject();
            entry.addProperty("model", model.model());
            entry.addProperty("role", model.role().label());
            entry.add("dataset", metricValues(metric -> datasetMean(model, metric)));
            JsonObject scenarios = new JsonObject();
            for (String scenario : scenarios()) {
                scenarios.add(scenario, metricValues(metric -> scenarioMean(model, scenario, metric)));
            }
            entry.add("scenarios", scenarios);
            if (hasContextFrames()) {
                JsonObject context = new JsonObject();
                context.add("dataset", metricValues(metric -> contextMean(model, metric)));
                JsonObject contextScenarios = new JsonObject();
                for (String scenario : contextScenarios()) {
                    contextScenarios.add(scenario, metricValues(metric -> contextScenarioMean(model, scenario,
                            metric)));
                }
                context.add("scenarios", contextScenarios);
                entry.add("contextFrames", context);
            }
            JsonObject videos = new JsonObject();
            for (String video : board.videos()) {
                JsonObject v = metricValues(metric -> board.videoMean(video, metric).value());
                v.addProperty("frames", board.frameCount(video));
                JsonObject dropped = new JsonObject();
                for (Metric metric : Metric.values()) {
                    dropped.addProperty(metric.label(), board.droppedFrames(video, metric));
                }
                v.add("droppedFrames", dropped);
                Scoreboard contextBoard = model.contextScores();
                if (contextBoard.videos().contains(video)) {
                    JsonObject context = metricValues(metric -> contextBoard.videoMean(video, metric).value());
                    context.addProperty("frames", contextBoard.frameCount(video));
                    v.add("contextFrames", context);
                }
                JsonArray frames = new JsonArray();
                for (FrameScores frame : board.frameScores(video)) {
                    frames.add(metricValues(frame::value));
                }
                v.add("perFrame", frames);
                videos.add(video, v);
            }
            entry.add("videos", videos);
            entries.add(entry);
        }
        root.add("models", entries);
        return root;
    }

    private static JsonObject metricValues(ToDoubleFunction<Metric> value) {
        JsonObject values = new JsonObject();
        for (Metric metric : Metric.values()) {
            double v = value.applyAsDouble(metric);
            if (Double.isNaN(v)) {
                values.add(metric.label(), JsonNull.INSTANCE);
            } else {
                values.addProperty(metric.label(), v);
            }
        }
        return values;
    }

    /** Writes {@code report.json} and {@code report.html} into {@code directory} (created if missing), atomically. */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        written.add(writeText(directory.resolve("report.json"),
                new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(toJson())));
        written.add(writeText(directory.resolve("report.html"), HtmlReport.render(this, dataset, split, command,
                examples)));
        return written;
    }

    private static Path writeText(Path target, String text) throws IOException {
        try (AtomicFile file = AtomicFile.open(target)) {
            Files.writeString(file.temporary(), text, StandardCharsets.UTF_8);
            file.commit();
        }
        return target;
    }
}
