package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KlDivergenceTest {

    private static final double TOLERANCE = 1e-12;
    private static final MetricOptions MIT = MetricOptions.mit();
    private static final MetricOptions PYSALIENCY = MetricOptions.pysaliency();
    private static final double EPS = 0x1.0p-52;

    private static final Grid DIAGONAL = Grid.of(new double[] {1, 0}, new double[] {0, 1});

    @Test
    void uniformPredictionAgainstTwoPeaksIsLogTwo() {
        // G = [.5 0; 0 .5], P = 1/4 everywhere: 2 · 0.5·log(eps + 0.5/(0.25 + eps)).
        Grid uniform = Grid.of(new double[] {1, 1}, new double[] {1, 1});
        double expected = Math.log(EPS + 0.5 / (0.25 + EPS));
        assertEquals(expected, KlDivergence.score(uniform, DIAGONAL, MIT), TOLERANCE);
        assertEquals(Math.log(2), KlDivergence.score(uniform, DIAGONAL, PYSALIENCY), TOLERANCE);
    }

    @Test
    void sumsOverTheDensity() {
        // P = [1 2; 3 4]/10, G = [.5 .1; .3 .1]: Σ G·log(G/P) = 0.5967748020490656 (numpy).
        Grid prediction = Grid.of(new double[] {1, 2}, new double[] {3, 4});
        Grid density = Grid.of(new double[] {0.5, 0.1}, new double[] {0.3, 0.1});
        assertEquals(0.5967748020490656, KlDivergence.score(prediction, density, MIT), TOLERANCE);
        assertEquals(0.5967748020490656, KlDivergence.score(prediction, density, PYSALIENCY), TOLERANCE);
    }

    @Test
    void anAllZeroDensityScoresZero() {
        Grid zero = Grid.of(new double[] {0, 0}, new double[] {0, 0});
        assertEquals(0, KlDivergence.score(DIAGONAL, zero, MIT));
    }

    @Test
    void anAllZeroPredictionIsLargeUnderMitAndUniformUnderPysaliency() {
        // MIT: 2 · 0.5·log(eps + 0.5/eps) = log(2^51 + eps) = 35.35…; pysaliency: as a uniform prediction, log 2.
        Grid zero = Grid.of(new double[] {0, 0}, new double[] {0, 0});
        assertEquals(35.35050620855721, KlDivergence.score(zero, DIAGONAL, MIT), 1e-10);
        assertEquals(Math.log(2), KlDivergence.score(zero, DIAGONAL, PYSALIENCY), TOLERANCE);
    }

    @Test
    void negativePredictionsUnderFixationsAreNaNUnderMitAndShiftedUnderPysaliency() {
        // P = [−1 1; 1 1]/2: at the fixated top-left pixel 0.5/(−0.5 + eps) makes the log argument negative.
        Grid prediction = Grid.of(new double[] {-1, 1}, new double[] {1, 1});
        assertTrue(Double.isNaN(KlDivergence.score(prediction, DIAGONAL, MIT)));
        // pysaliency shifts to [0 2; 2 2]/6: 0.5·log(eps + 0.5/eps) + 0.5·log(0.5/(1/3)) (eps = 2.2204e-16).
        assertEquals(17.87799602780954, KlDivergence.score(prediction, DIAGONAL, PYSALIENCY), 1e-10);
    }

    @Test
    void negativePredictionsAwayFromTheDensityAreHarmless() {
        // P = [−.5 .5; .5 .5]; G = [0 .5; .5 0]: both terms are 0.5·log(eps + 0.5/(0.5 + eps)) ≈ ±1e-16.
        Grid prediction = Grid.of(new double[] {-1, 1}, new double[] {1, 1});
        Grid density = Grid.of(new double[] {0, 1}, new double[] {1, 0});
        assertEquals(0, KlDivergence.score(prediction, density, MIT), 1e-15);
    }

    @Test
    void thePredictionIsResizedToTheDensity() {
        Grid prediction = Grid.of(new double[] {1, 2});
        Grid density = Grid.of(new double[] {1, 2, 3, 4});
        assertEquals(0.013367382839340525, KlDivergence.score(prediction, density, MIT), TOLERANCE);
    }
}
