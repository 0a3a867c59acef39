package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationCoefficientTest {

    private static final double TOLERANCE = 1e-12;
    private static final MetricOptions MIT = MetricOptions.mit();
    private static final MetricOptions PYSALIENCY = MetricOptions.pysaliency();

    @Test
    void isPearsonsCorrelation() {
        // Deviations (−1.5, −.5, .5, 1.5) and (−1.5, .5, −.5, 1.5): covariance sum 4, variance sums 5 and 5.
        Grid prediction = Grid.of(new double[] {1, 2}, new double[] {3, 4});
        Grid density = Grid.of(new double[] {1, 3}, new double[] {2, 4});
        assertEquals(0.8, CorrelationCoefficient.score(prediction, density, MIT), TOLERANCE);
        assertEquals(0.8, CorrelationCoefficient.score(prediction, density, PYSALIENCY), TOLERANCE);
    }

    @Test
    void aFlatPredictionIsNaNUnderMitAndZeroUnderPysaliency() {
        Grid flat = Grid.of(new double[] {2, 2}, new double[] {2, 2});
        Grid density = Grid.of(new double[] {1, 3}, new double[] {2, 4});
        assertTrue(Double.isNaN(CorrelationCoefficient.score(flat, density, MIT)));
        assertEquals(0.0, CorrelationCoefficient.score(flat, density, PYSALIENCY));
    }

    @Test
    void aFlatDensityIsNaNUnderBoth() {
        Grid prediction = Grid.of(new double[] {1, 2}, new double[] {3, 4});
        Grid flat = Grid.of(new double[] {0, 0}, new double[] {0, 0});
        assertTrue(Double.isNaN(CorrelationCoefficient.score(prediction, flat, MIT)));
        assertTrue(Double.isNaN(CorrelationCoefficient.score(prediction, flat, PYSALIENCY)));
    }

    @Test
    void thePredictionIsResizedToTheDensity() {
        Grid prediction = Grid.of(new double[] {0, 1});
        Grid density = Grid.of(new double[] {0, 0, 1, 3});
        assertEquals(0.9036961141150638, CorrelationCoefficient.score(prediction, density, MIT), TOLERANCE);
        assertEquals(0.9014714199574211, CorrelationCoefficient.score(prediction, density,
                MIT.withBoundary(MatlabResize.Boundary.REPLICATE)), TOLERANCE);
    }
}
