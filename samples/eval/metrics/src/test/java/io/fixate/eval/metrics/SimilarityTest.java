package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    private static final double TOLERANCE = 1e-12;
    private static final MetricOptions MIT = MetricOptions.mit();
    private static final MetricOptions PYSALIENCY = MetricOptions.pysaliency();

    private static final Grid RAMP = Grid.of(new double[] {1, 2}, new double[] {3, 4});
    private static final Grid ZERO = Grid.of(new double[] {0, 0}, new double[] {0, 0});

    @Test
    void intersectsTheNormalisedMaps() {
        // MIT: [0 1; 2 3] → min-max [0 1/3; 2/3 1] → /2 = [0 1/6; 1/3 1/2]; [1 0; 0 1] → [1/2 0; 0 1/2];
        // the minima sum to 1/2.
        Grid prediction = Grid.of(new double[] {0, 1}, new double[] {2, 3});
        Grid density = Grid.of(new double[] {1, 0}, new double[] {0, 1});
        assertEquals(0.5, Similarity.score(prediction, density, MIT), TOLERANCE);
    }

    @Test
    void mitMinMaxNormalisesWherePysaliencyOnlyDividesBySum() {
        // MIT: [1 2; 3 4] → [0 1/6; 1/3 1/2], zero where the density [1 0; 0 0] has its mass: 0.
        // pysaliency: [1 2; 3 4]/10 keeps 0.1 there.
        Grid density = Grid.of(new double[] {1, 0}, new double[] {0, 0});
        assertEquals(0, Similarity.score(RAMP, density, MIT), TOLERANCE);
        assertEquals(0.1, Similarity.score(RAMP, density, PYSALIENCY), TOLERANCE);
    }

    @Test
    void anAllZeroMapStaysZeroUnderMitAndBecomesUniformUnderPysaliency() {
        assertEquals(0, Similarity.score(RAMP, ZERO, MIT));
        assertEquals(0, Similarity.score(ZERO, RAMP, MIT));
        // Uniform 1/4 against [.1 .2; .3 .4]: .1 + .2 + .25 + .25.
        assertEquals(0.8, Similarity.score(RAMP, ZERO, PYSALIENCY), TOLERANCE);
    }

    @Test
    void aFlatNonZeroMapIsNaNUnderMit() {
        Grid flat = Grid.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5});
        assertTrue(Double.isNaN(Similarity.score(flat, RAMP, MIT)));
        assertTrue(Double.isNaN(Similarity.score(RAMP, flat, MIT)));
        // pysaliency: uniform against [.1 .2; .3 .4] again.
        assertEquals(0.8, Similarity.score(flat, RAMP, PYSALIENCY), TOLERANCE);
    }

    @Test
    void pysaliencyShiftsOnlyMapsThatGoBelowZero() {
        // [−1 0; 1 2] → [0 1; 2 3]/6; density [1 1; 0 2]/4: minima 0 + 1/6 + 0 + 1/2 = 2/3. MIT min-max gives the
        // same shift here.
        Grid prediction = Grid.of(new double[] {-1, 0}, new double[] {1, 2});
        Grid density = Grid.of(new double[] {1, 1}, new double[] {0, 2});
        assertEquals(2.0 / 3, Similarity.score(prediction, density, PYSALIENCY), TOLERANCE);
        assertEquals(2.0 / 3, Similarity.score(prediction, density, MIT), TOLERANCE);
    }
}
