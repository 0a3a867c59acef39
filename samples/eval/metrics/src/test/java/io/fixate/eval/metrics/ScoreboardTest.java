package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    private static final double NAN = Double.NaN;

    /** A frame whose every metric scores {@code value}, except shuffled AUC, which scores {@code sauc}. */
    private static FrameScores frame(double value, double sauc) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, value);
        }
        values.put(Metric.SHUFFLED_AUC, sauc);
        return FrameScores.of(Convention.MIT, values);
    }

    @Test
    void videoMeansDropNaNFramesAndCountThem() {
        Scoreboard board = new Scoreboard(Convention.MIT);
        board.add("a", frame(1, 0.5));
        board.add("a", frame(NAN, 0.7));
        board.add("a", frame(2, NAN));
        assertEquals(3, board.frameCount("a"));
        assertEquals(1.5, board.videoMean("a", Metric.NSS).value(), 1e-15);
        assertEquals(1, board.droppedFrames("a", Metric.NSS));
        assertEquals(0.6, board.videoMean("a", Metric.SHUFFLED_AUC).value(), 1e-15);
        assertEquals(1, board.droppedFrames("a", Metric.SHUFFLED_AUC));
        assertEquals("sAUC (MIT/STAViS)", board.videoMean("a", Metric.SHUFFLED_AUC).label());
    }

    @Test
    void theDatasetMeanAveragesVideosNotFramesAndDropsNaNVideos() {
        Scoreboard board = new Scoreboard(Convention.MIT);
        board.add("long", frame(1, 1));
        board.add("long", frame(1, 1));
        board.add("long", frame(1, 1));
        board.add("short", frame(4, NAN));
        board.add("blank", frame(NAN, NAN));
        assertEquals(List.of("long", "short", "blank"), board.videos());
        assertEquals(2.5, board.datasetMean(Metric.CC).value(), 1e-15);
        assertEquals(1, board.droppedVideos(Metric.CC));
        assertEquals(1, board.datasetMean(Metric.SHUFFLED_AUC).value(), 1e-15);
        assertEquals(2, board.droppedVideos(Metric.SHUFFLED_AUC));
    }

    @Test
    void nothingFiniteAveragesToNaN() {
        assertTrue(Double.isNaN(Scoreboard.meanDroppingNaN(NAN, NAN)));
        assertTrue(Double.isNaN(Scoreboard.meanDroppingNaN()));
        assertEquals(0.7, Scoreboard.meanDroppingNaN(0.6, NAN, 0.8), 1e-15);
    }

    @Test
    void refusesScoresOfAnotherConventionAndUnknownVideos() {
        Scoreboard board = new Scoreboard(Convention.PYSALIENCY);
        assertThrows(IllegalArgumentException.class, () -> board.add("a", frame(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> board.videoMean("a", Metric.SIM));
        assertThrows(IllegalArgumentException.class, () -> FrameScores.of(Convention.MIT, Map.of(Metric.NSS, 1.0)));
    }
}
