package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSuiteTest {

    private static final Grid DENSITY = Grid.of(new double[] {0.1, 0.2, 0.9, 0.3}, new double[] {0.0, 0.4, 1.0, 0.2},
            new double[] {0.1, 0.1, 0.5, 0.0});
    private static final Grid FIXATIONS = Grid.of(new double[] {0, 0, 1, 0}, new double[] {0, 0, 1, 0},
            new double[] {0, 0, 0, 0});
    private static final Grid OTHERS = Grid.of(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0},
            new double[] {0, 0, 1, 1});

    @Test
    void scoresEveryMetricAsTheMetricsDoAloneWithOneSharedResize() {
        Grid prediction = Grid.of(new double[] {0.2, 0.8}, new double[] {0.1, 0.5});
        for (MetricOptions options : List.of(MetricOptions.mit(),
                MetricOptions.mit().withBoundary(MatlabResize.Boundary.REPLICATE).withJitter(true).withSeed(9))) {
            FrameScores scores = new MetricSuite(options).evaluate(prediction, DENSITY, FIXATIONS, OTHERS);
            assertEquals(Convention.MIT, scores.convention());
            assertEquals(AucJudd.score(prediction, FIXATIONS, options), scores.value(Metric.AUC_JUDD));
            assertEquals(ShuffledAuc.score(prediction, FIXATIONS, OTHERS, options),
                    scores.value(Metric.SHUFFLED_AUC));
            assertEquals(Nss.score(prediction, FIXATIONS, options), scores.value(Metric.NSS));
            assertEquals(CorrelationCoefficient.score(prediction, DENSITY, options), scores.value(Metric.CC));
            assertEquals(Similarity.score(prediction, DENSITY, options), scores.value(Metric.SIM));
            assertEquals(KlDivergence.score(prediction, DENSITY, options), scores.value(Metric.KLD));
        }
    }

    @Test
    void labelsEachScoreWithItsConvention() {
        Grid prediction = Grid.of(new double[] {0.2, 0.8, 0.1, 0.5}, new double[] {0.3, 0.3, 0.9, 0.0},
                new double[] {0.7, 0.1, 0.4, 0.6});
        FrameScores scores = new MetricSuite(MetricOptions.pysaliency())
                .evaluate(prediction, DENSITY, FIXATIONS, OTHERS);
        List<MetricResult> results = scores.results();
        assertEquals(6, results.size());
        assertEquals("AUC-J (pysaliency)", results.get(0).label());
        assertEquals("KLD (pysaliency)", results.get(5).label());
        assertEquals(scores.value(Metric.NSS), scores.result(Metric.NSS).value());
        assertTrue(scores.result(Metric.CC).toString().startsWith("CC (pysaliency) = "));
    }

    @Test
    void theHumanMapsMustShareOneShape() {
        Grid prediction = Grid.of(new double[] {0.2, 0.8}, new double[] {0.1, 0.5});
        MetricSuite suite = new MetricSuite(MetricOptions.mit());
        Grid small = Grid.of(new double[] {1, 0});
        assertThrows(IllegalArgumentException.class, () -> suite.evaluate(prediction, small, FIXATIONS, OTHERS));
        assertThrows(IllegalArgumentException.class, () -> suite.evaluate(prediction, DENSITY, FIXATIONS, small));
        assertThrows(IllegalArgumentException.class,
                () -> new MetricSuite(MetricOptions.pysaliency()).evaluate(prediction, DENSITY, FIXATIONS, OTHERS));
    }
}
