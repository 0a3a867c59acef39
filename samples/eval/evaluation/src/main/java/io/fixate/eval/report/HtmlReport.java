package io.fixate.eval.report;

import io.fixate.codec.output.ColorMap;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.metrics.Metric;
import io.fixate.eval.metrics.Scoreboard;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders an {@link EvaluationReport} as one self-contained HTML page: charts are inline SVG and images are data
 * URIs, so the file can be mailed or attached to a ticket as it is.
 */
final class HtmlReport {

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int CHART_WIDTH = 420;
    private static final int BAR_HEIGHT = 18;
    private static final int LABEL_WIDTH = 150;
    /** Example images are shown at this width, whatever the frame size. */
    private static final int THUMBNAIL_WIDTH = 160;

    private final StringBuilder html = new StringBuilder();
    private final EvaluationReport report;

    private HtmlReport(EvaluationReport report) {
        this.report = report;
    }

    static String render(EvaluationReport report, String dataset, String split, String command,
                         List<ExampleFrame> examples) {
        HtmlReport page = new HtmlReport(report);
        page.header(dataset, split, command);
        page.meansTable();
        page.barCharts();
        page.spread();
        page.scenarios();
        page.examples(examples);
        page.html.append("</body></html>\n");
        return page.html.toString();
    }

    private void header(String dataset, String split, String command) {
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Fixate evaluation: ")
                .append(escape(dataset)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,")
                .append("td:first-child{text-align:left}.best{font-weight:bold;background:#e8f4e8}")
                .append("code{background:#f4f4f4;padding:2px 4px}figure{display:inline-block;margin:0 6px 6px 0}")
                .append("figcaption{font-size:12px;text-align:center}svg text{font-size:12px}</style></head><body>")
                .append("<h1>Fixate evaluation: ").append(escape(dataset)).append(" (").append(escape(split))
                .append(")</h1><p>Metrics under ").append(escape(report.convention().label()))
                .append(" conventions. Per video: mean over frames, NaN frames dropped; per dataset: mean over")
                .append(" videos. ↓ = lower is better.</p><p>Command: <code>").append(escape(command))
                .append("</code></p>");
    }

    private void meansTable() {
        html.append("<h2>Dataset means</h2><table><tr><th>model</th><th>role</th>");
        for (Metric metric : Metric.values()) {
            html.append("<th>").append(metric.label()).append(metric.higherIsBetter() ? "" : " ↓").append("</th>");
        }
        html.append("</tr>");
        for (ModelScores model : report.models()) {
            html.append("<tr><td>").append(escape(model.model())).append("</td><td>").append(model.role().label())
                    .append("</td>");
            for (Metric metric : Metric.values()) {
                double value = report.datasetMean(model, metric);
                boolean best = model.role() != EntryRole.BOUND && !Double.isNaN(value) && value == best(metric);
                html.append(best ? "<td class=\"best\">" : "<td>").append(EvaluationReport.format(value))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** The best value among the entries that compete: bounds come from the ground truth itself and are left out. */
    private double best(Metric metric) {
        return report.models().stream().filter(m -> m.role() != EntryRole.BOUND)
                .mapToDouble(m -> report.datasetMean(m, metric)).filter(v -> !Double.isNaN(v))
                .reduce(metric.higherIsBetter() ? Math::max : Math::min).orElse(Double.NaN);
    }

    /** One horizontal bar chart per metric, a bar per model, scaled to the largest finite value. */
    private void barCharts() {
        html.append("<h2>Per metric</h2>");
        List<ModelScores> models = report.models();
        for (Metric metric : Metric.values()) {
            double max = models.stream().mapToDouble(m -> report.datasetMean(m, metric))
                    .filter(v -> !Double.isNaN(v)).map(Math::abs).max().orElse(1);
            int height = models.size() * (BAR_HEIGHT + 4) + 24;
            html.append("<figure><svg width=\"").append(LABEL_WIDTH + CHART_WIDTH + 60).append("\" height=\"")
                    .append(height).append("\"><text x=\"0\" y=\"14\" font-weight=\"bold\">").append(metric.label())
                    .append(metric.higherIsBetter() ? "" : " (lower is better)").append("</text>");
            for (int i = 0; i < models.size(); i++) {
                double value = report.datasetMean(models.get(i), metric);
                int y = 22 + i * (BAR_HEIGHT + 4);
                int length = Double.isNaN(value) || max == 0 ? 0
                        : (int) Math.round(Math.max(0, value) / max * CHART_WIDTH);
                html.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(escape(models.get(i).model()))
                        .append("</text><rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y)
                        .append("\" width=\"").append(length).append("\" height=\"").append(BAR_HEIGHT)
                        .append("\" fill=\"").append(colour(i)).append("\"/><text x=\"")
                        .append(LABEL_WIDTH + length + 4).append("\" y=\"").append(y + 13).append("\">")
                        .append(EvaluationReport.format(value)).append("</text>");
            }
            html.append("</svg></figure>");
        }
    }

    /** Per metric, each model's video means as dots on one line, with a tick at the dataset mean. */
    private void spread() {
        html.append("<h2>Spread over videos</h2><p>Each dot is one video's mean; the bar is the dataset mean.</p>");
        List<ModelScores> models = report.models();
        for (Metric metric : Metric.values()) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (ModelScores model : models) {
                Scoreboard board = model.scores();
                for (String video : board.videos()) {
                    double v = board.videoMean(video, metric).value();
                    if (!Double.isNaN(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
            if (low > high) {
                continue;
            }
            double range = high > low ? high - low : 1;
            int height = models.size() * (BAR_HEIGHT + 4) + 40;
            html.append("<figure><svg width=\"").append(LABEL_WIDTH + CHART_WIDTH + 20).append("\" height=\"")
                    .append(height).append("\"><text x=\"0\" y=\"14\" font-weight=\"bold\">").append(metric.label())
                    .append(String.format(Locale.ROOT, " (%.3f … %.3f)", low, high)).append("</text>");
            for (int i = 0; i < models.size(); i++) {
                Scoreboard board = models.get(i).scores();
                int y = 30 + i * (BAR_HEIGHT + 4);
                html.append("<text x=\"0\" y=\"").append(y + 4).append("\">").append(escape(models.get(i).model()))
                        .append("</text><line x1=\"").append(LABEL_WIDTH).append("\" x2=\"")
                        .append(LABEL_WIDTH + CHART_WIDTH).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
                        .append("\" stroke=\"#ddd\"/>");
                for (String video : board.videos()) {
                    double v = board.videoMean(video, metric).value();
                    if (!Double.isNaN(v)) {
                        html.append("<circle cx=\"").append(x(v, low, range)).append("\" cy=\"").append(y)
                                .append("\" r=\"3\" fill=\"").append(colour(i)).append("\" fill-opacity=\"0.6\">")
                                .append("<title>").append(escape(video)).append(": ")
                                .append(EvaluationReport.format(v)).append("</title></circle>");
                    }
                }
                double mean = report.datasetMean(models.get(i), metric);
                if (!Double.isNaN(mean)) {
                    int mx = x(mean, low, range);
                    html.append("<line x1=\"").append(mx).append("\" x2=\"").append(mx).append("\" y1=\"")
                            .append(y - 8).append("\" y2=\"").append(y + 8).append("\" stroke=\"#000\" ")
                            .append("stroke-width=\"2\"/>");
                }
            }
            html.append("</svg></figure>");
        }
    }

    private static int x(double value, double low, double range) {
        return LABEL_WIDTH + (int) Math.round((value - low) / range * CHART_WIDTH);
    }

    /** Told a model, a scenario and a metric, the mean a per-scenario table shows. */
    @FunctionalInterface
    private interface ScenarioMean {
        double of(ModelScores model, String scenario, Metric metric);
    }

    private void scenarios() {
        scenarioTables("Per scenario", "", report.scenarios(), report::scenarioMean);
        if (report.hasContextFrames()) {
            scenarioTables("Per scenario, context frames only", "<p>Each clip's frames where only its short-, "
                    + "long- or cross-clip context tells where people look: mean over a clip's context frames, then "
                    + "over the clips of the scenario.</p>", report.contextScenarios(), report::contextScenarioMean);
        }
    }

    private void scenarioTables(String title, String explanation, Set<String> scenarios, ScenarioMean mean) {
        if (scenarios.isEmpty()) {
            return;
        }
        html.append("<h2>").append(title).append("</h2>").append(explanation);
        for (Metric metric : EvaluationReport.SCENARIO_METRICS) {
            html.append("<h3>").append(metric.label()).append("</h3><table><tr><th>model</th>");
            scenarios.forEach(s -> html.append("<th>").append(escape(s)).append("</th>"));
            html.append("</tr>");
            for (ModelScores model : report.models()) {
                html.append("<tr><td>").append(escape(model.model())).append("</td>");
                for (String scenario : scenarios) {
                    html.append("<td>").append(EvaluationReport.format(mean.of(model, scenario, metric)))
                            .append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
    }

    private void examples(List<ExampleFrame> examples) {
        if (examples.isEmpty()) {
            return;
        }
        html.append("<h2>Examples</h2><p>Frame, ground truth, then each model's map (jet: red = most attention)."
                + "</p>");
        for (ExampleFrame example : examples) {
            html.append("<div>");
            figure(example.picture(), example.video() + " #" + example.frameIndex());
            figure(heat(example.groundTruth()), "ground truth");
            example.predictions().forEach((model, map) -> figure(heat(map), model));
            html.append("</div>");
        }
    }

    private void figure(BufferedImage image, String caption) {
        int height = Math.max(1, image.getHeight() * THUMBNAIL_WIDTH / image.getWidth());
        html.append("<figure><img width=\"").append(THUMBNAIL_WIDTH).append("\" height=\"").append(height)
                .append("\" src=\"data:image/png;base64,").append(png(image)).append("\"><figcaption>")
                .append(escape(caption)).append("</figcaption></figure>");
    }

    /** A map min-max scaled and coloured with the jet colour map. */
    static BufferedImage heat(Grid map) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[] values = map.toArray();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        double range = high > low ? high - low : 1;
        BufferedImage image = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                double v = values[y * map.width() + x];
                image.setRGB(x, y, ColorMap.JET.rgb(Double.isNaN(v) ? 0 : (float) ((v - low) / range)));
            }
        }
        return image;
    }

    private static String png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
