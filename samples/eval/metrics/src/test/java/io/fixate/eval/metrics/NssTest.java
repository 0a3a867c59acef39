package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NssTest {

    private static final double TOLERANCE = 1e-12;
    private static final MetricOptions MIT = MetricOptions.mit();
    private static final MetricOptions PYSALIENCY = MetricOptions.pysaliency();

    /** Mean 3, deviations −2, −1, 0, 3, squared deviations summing to 14. */
    private static final Grid PREDICTION = Grid.of(new double[] {1, 2}, new double[] {3, 6});

    @Test
    void zScoresWithTheSampleStdUnderMitAndThePopulationStdUnderPysaliency() {
        Grid onSix = Grid.of(new double[] {0, 0}, new double[] {0, 1});
        assertEquals(3 / Math.sqrt(14.0 / 3), Nss.score(PREDICTION, onSix, MIT), TOLERANCE);
        assertEquals(3 / Math.sqrt(14.0 / 4), Nss.score(PREDICTION, onSix, PYSALIENCY), TOLERANCE);
    }

    @Test
    void mitCountsEachNonZeroPixelOnceWhilePysaliencyWeighsCounts() {
        // Fixations on 1 (z = −2/sd) and on 6 (z = 3/sd), the second one twice.
        Grid counts = Grid.of(new double[] {1, 0}, new double[] {0, 2});
        assertEquals((3 - 2) / 2.0 / Math.sqrt(14.0 / 3), Nss.score(PREDICTION, counts, MIT), TOLERANCE);
        assertEquals((2 * 3 - 2) / 3.0 / Math.sqrt(14.0 / 4), Nss.score(PREDICTION, counts, PYSALIENCY), TOLERANCE);
        Grid negativeMark = Grid.of(new double[] {-1, 0}, new double[] {0, 1});
        assertEquals((3 - 2) / 2.0 / Math.sqrt(14.0 / 3), Nss.score(PREDICTION, negativeMark, MIT), TOLERANCE,
                "Matlab's logical(fix) counts any non-zero value");
    }

    @Test
    void aFlatPredictionIsNaNUnderMitAndZeroUnderPysaliency() {
        Grid flat = Grid.of(new double[] {0.1, 0.1}, new double[] {0.1, 0.1});
        Grid fixations = Grid.of(new double[] {1, 0}, new double[] {0, 0});
        assertTrue(Double.isNaN(Nss.score(flat, fixations, MIT)));
        assertEquals(0, Nss.score(flat, fixations, PYSALIENCY));
    }

    @Test
    void noFixationsGiveNaN() {
        Grid none = Grid.of(new double[] {0, 0}, new double[] {0, 0});
        assertTrue(Double.isNaN(Nss.score(PREDICTION, none, MIT)));
        assertTrue(Double.isNaN(Nss.score(PREDICTION, none, PYSALIENCY)));
    }

    @Test
    void theResizeBoundaryMattersAtTheBorder() {
        // [0 1] → [−0.09375 0.203125 0.796875 1.09375] (symmetric) or [−0.0703125 … 1.0703125] (replicate);
        // the fixation sits on the last, border pixel.
        Grid prediction = Grid.of(new double[] {0, 1});
        Grid fixations = Grid.of(new double[] {0, 0, 0, 1});
        assertEquals(1.0954451150103324, Nss.score(prediction, fixations, MIT), TOLERANCE);
        assertEquals(1.086370469629643,
                Nss.score(prediction, fixations, MIT.withBoundary(MatlabResize.Boundary.REPLICATE)), TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> Nss.score(prediction, fixations, PYSALIENCY));
    }
}
