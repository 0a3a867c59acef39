package io.fixate.eval.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.eval.metrics.Convention;
import io.fixate.eval.metrics.FrameScores;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.metrics.Metric;
import io.fixate.eval.metrics.Scoreboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {

    @TempDir
    Path dir;

    /** Scores where every metric has the same value, NaN for CC when {@code ccNaN}. */
    private static FrameScores frame(double value, boolean ccNaN) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, metric == Metric.CC && ccNaN ? Double.NaN : value);
        }
        return FrameScores.of(Convention.MIT, values);
    }

    /** Video a: frames 0.2 and 0.4 (CC NaN on the second); video b: one frame 0.9. */
    private static ModelScores model(String name) {
        Scoreboard board = new Scoreboard(Convention.MIT);
        board.add("a", frame(0.2, false));
        board.add("a", frame(0.4, true));
        board.add("b", frame(0.9, false));
        return new ModelScores(name, EntryRole.BASELINE, board);
    }

    private EvaluationReport report() {
        BufferedImage picture = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        Grid map = Grid.of(new double[]{0, 1}, new double[]{0.5, 0.25});
        return new EvaluationReport("bench", "test", "fixate eval --dataset bench", List.of(model("m")),
                Map.of("a", Set.of("silent-twin"), "b", Set.of("silent-twin", "static-event")),
                List.of(new ExampleFrame("a", 3, picture, map, Map.of("m", map))));
    }

    @Test
    void averagesPerVideoThenPerDatasetDroppingNaNFrames() {
        EvaluationReport report = report();
        ModelScores m = report.models().get(0);
        // NSS: video a = (0.2 + 0.4) / 2 = 0.3, video b = 0.9, dataset = 0.6; CC: video a = 0.2 (NaN frame dropped).
        assertEquals(0.6, report.datasetMean(m, Metric.NSS), 1e-12);
        assertEquals((0.2 + 0.9) / 2, report.datasetMean(m, Metric.CC), 1e-12);
        assertEquals(0.9, report.scenarioMean(m, "static-event", Metric.NSS), 1e-12);
        assertEquals(0.6, report.scenarioMean(m, "silent-twin", Metric.NSS), 1e-12);
        assertTrue(report.table().contains("0.600"), report.table());
    }

    @Test
    void writesJsonAndSelfContainedHtml() throws IOException {
        List<Path> files = report().write(dir.resolve("report"));

        JsonObject json = JsonParser.parseString(Files.readString(files.get(0))).getAsJsonObject();
        JsonObject model = json.getAsJsonArray("models").get(0).getAsJsonObject();
        assertEquals(0.6, model.getAsJsonObject("dataset").get("NSS").getAsDouble(), 1e-12);
        JsonObject videoA = model.getAsJsonObject("videos").getAsJsonObject("a");
        assertEquals(1, videoA.getAsJsonObject("droppedFrames").get("CC").getAsInt());
        assertEquals(0.4, videoA.getAsJsonArray("perFrame").get(1).getAsJsonObject().get("NSS").getAsDouble(), 1e-12);
        assertTrue(videoA.getAsJsonArray("perFrame").get(1).getAsJsonObject().get("CC").isJsonNull());
        assertEquals("MIT/STAViS", json.get("convention").getAsString());

        String html = Files.readString(files.get(1));
        assertTrue(html.contains("<svg"), "charts");
        assertTrue(html.contains("data:image/png;base64,"), "example images inline");
        assertTrue(html.contains("silent-twin"), "per-scenario table");
        assertTrue(!html.contains("src=\"http"), "nothing loaded from elsewhere");
    }

    @Test
    void refusesModelsScoredUnderDifferentConventions() {
        ModelScores pysaliency = new ModelScores("p", EntryRole.BASELINE, new Scoreboard(Convention.PYSALIENCY));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationReport("d", "test", "cmd",
                List.of(model("m"), pysaliency), Map.of(), List.of()));
    }
}
