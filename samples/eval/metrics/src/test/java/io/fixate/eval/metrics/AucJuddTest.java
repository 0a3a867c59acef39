package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AucJuddTest {

    private static final double TOLERANCE = 1e-12;
    private static final MetricOptions MIT = MetricOptions.mit();
    private static final MetricOptions PYSALIENCY = MetricOptions.pysaliency();

    @Test
    void sweepsTheFixatedValuesFromTheTop() {
        // Fixated 0.8, 0.6, 0.5 of 9 pixels (6 non-fixated). Pixels ≥ 0.8: 2 → (fp, tp) = (1/6, 1/3);
        // ≥ 0.6: 4 → (2/6, 2/3); ≥ 0.5: 5 → (2/6, 1). Trapezoids: 1/36 + 3/36 + 0 + 24/36 = 7/9.
        Grid prediction = Grid.of(new double[] {0.1, 0.5, 0.3}, new double[] {0.9, 0.2, 0.7},
                new double[] {0.4, 0.8, 0.6});
        Grid fixations = Grid.of(new double[] {0, 1, 0}, new double[] {0, 0, 0}, new double[] {0, 1, 1});
        assertEquals(7.0 / 9, AucJudd.score(prediction, fixations, MIT), TOLERANCE);
        assertEquals(7.0 / 9, AucJudd.score(prediction, fixations, PYSALIENCY), TOLERANCE);
    }

    @Test
    void tiesFollowTheRunningIndexUnderMitAndTheTrueCountUnderPysaliency() {
        // Values 0.5, 0.5 fixated; 0.5, 0 not. MIT: thresholds 1, 1 (after min-max) with 3 pixels ≥ 1:
        // i = 1 → (fp, tp) = ((3−1)/2, 1/2) = (1, 0.5); i = 2 → ((3−2)/2, 1) = (0.5, 1). The curve doubles back:
        // 0.25 − 0.375 + 0.5 = 0.375.
        // pysaliency: one threshold 0.5 with tp = 2/2, fp = 1/2 → (0,0), (0.5,1), (1,1) = 0.75.
        Grid prediction = Grid.of(new double[] {0.5, 0.5}, new double[] {0.5, 0});
        Grid fixations = Grid.of(new double[] {1, 1}, new double[] {0, 0});
        assertEquals(0.375, AucJudd.score(prediction, fixations, MIT), TOLERANCE);
        assertEquals(0.75, AucJudd.score(prediction, fixations, PYSALIENCY), TOLERANCE);
    }

    @Test
    void fixationCountsWeighOnlyUnderPysaliency() {
        // 3 fixations at 0.2, 1 at 0.6; non-fixated 0.9, 0.4.
        // MIT counts pixels: thresholds 0.6, 0.2 → (0.5, 0.5), (1, 1) → 0.5.
        // pysaliency: t = 0.6 → tp = 1/4, fp = 1/2; t = 0.2 → (1, 1): 0.0625 + 0.3125 = 0.375.
        Grid prediction = Grid.of(new double[] {0.9, 0.2}, new double[] {0.6, 0.4});
        Grid counts = Grid.of(new double[] {0, 3}, new double[] {1, 0});
        Grid binary = Grid.of(new double[] {0, 1}, new double[] {1, 0});
        assertEquals(0.5, AucJudd.score(prediction, counts, MIT), TOLERANCE);
        assertEquals(0.5, AucJudd.score(prediction, binary, MIT), TOLERANCE);
        assertEquals(0.375, AucJudd.score(prediction, counts, PYSALIENCY), TOLERANCE);
    }

    @Test
    void noFixationsGiveNaN() {
        Grid prediction = Grid.of(new double[] {0.1, 0.9});
        Grid none = Grid.of(new double[] {0, -1});
        assertTrue(Double.isNaN(AucJudd.score(prediction, none, MIT)));
        assertTrue(Double.isNaN(AucJudd.score(prediction, none, PYSALIENCY)));
    }

    @Test
    void aFlatPredictionIsNaNUnlessJittered() {
        Grid flat = Grid.of(new double[] {0.4, 0.4}, new double[] {0.4, 0.4});
        Grid fixations = Grid.of(new double[] {1, 0}, new double[] {0, 0});
        assertTrue(Double.isNaN(AucJudd.score(flat, fixations, MIT)));
        double jittered = AucJudd.score(flat, fixations, MIT.withJitter(true));
        assertTrue(jittered >= 0 && jittered <= 1, "jitter breaks the tie: " + jittered);
        assertEquals(0.5, AucJudd.score(flat, fixations, PYSALIENCY), TOLERANCE);
    }

    @Test
    void aFlatPredictionThatNeedsResizingIsStillNaN() {
        Grid flat = Grid.of(new double[] {0.3, 0.3, 0.3});
        Grid fixations = Grid.of(new double[] {1, 0, 0, 0, 0, 0, 0});
        assertTrue(Double.isNaN(AucJudd.score(flat, fixations, MIT)));
    }

    @Test
    void everyPixelFixatedGivesNaN() {
        Grid prediction = Grid.of(new double[] {0.1, 0.9});
        Grid all = Grid.of(new double[] {1, 1});
        assertTrue(Double.isNaN(AucJudd.score(prediction, all, MIT)));
        assertTrue(Double.isNaN(AucJudd.score(prediction, all, PYSALIENCY)));
    }

    @Test
    void jitterScramblesTinyPredictionValues() {
        // Case tiny_pred_values: fixated pixels hold 2e-12, the rest 1e-12, so the map separates them perfectly.
        // Exactly, MIT still loses a little to its tie quirk: ten tied thresholds give tp = i/10 and
        // fp = (10 − i)/90, a curve from (0,0) to (0.1, 0.1) and back to (0, 1): 0.005 − 0.055 + 1 = 0.95;
        // pysaliency scores the perfect 1. Noise of amplitude 1e-7 drowns the difference and leaves a coin toss.
        double[] values = new double[100];
        double[] fixated = new double[100];
        for (int i = 0; i < 100; i++) {
            boolean hit = i % 10 == 3;
            values[i] = hit ? 2e-12 : 1e-12;
            fixated[i] = hit ? 1 : 0;
        }
        Grid prediction = Grid.of(10, 10, values);
        Grid fixations = Grid.of(10, 10, fixated);
        assertEquals(0.95, AucJudd.score(prediction, fixations, MIT), TOLERANCE);
        assertEquals(1, AucJudd.score(prediction, fixations, PYSALIENCY), TOLERANCE);
        double jittered = AucJudd.score(prediction, fixations, MIT.withJitter(true).withSeed(7));
        assertTrue(jittered < 0.9 && jittered > 0.1, "scrambled: " + jittered);
    }

    @Test
    void jitterOnlyBreaksTiesOnOrdinaryValues() {
        Grid prediction = Grid.of(new double[] {0.1, 0.5, 0.3}, new double[] {0.9, 0.2, 0.7},
                new double[] {0.4, 0.8, 0.6});
        Grid fixations = Grid.of(new double[] {0, 1, 0}, new double[] {0, 0, 0}, new double[] {0, 1, 1});
        assertEquals(7.0 / 9, AucJudd.score(prediction, fixations, MIT.withJitter(true)), TOLERANCE);
        assertEquals(7.0 / 9, AucJudd.score(prediction, fixations, PYSALIENCY.withJitter(true)), TOLERANCE);
    }

    @Test
    void theSameSeedGivesTheSameJitter() {
        Grid flat = Grid.of(10, 10, new double[100]);
        double[] every7th = new double[100];
        for (int i = 0; i < 100; i += 7) {
            every7th[i] = 1;
        }
        Grid fixations = Grid.of(10, 10, every7th);
        MetricOptions jitter = MIT.withJitter(true);
        double first = AucJudd.score(flat, fixations, jitter.withSeed(3));
        assertEquals(first, AucJudd.score(flat, fixations, jitter.withSeed(3)));
        assertNotEquals(first, AucJudd.score(flat, fixations, jitter.withSeed(4)));
    }

    @Test
    void theMitPredictionIsResizedToTheFixationMap() {
        // The 2×2 prediction upsampled to 4×4 by bicubic imresize: fixated values 1.11425781, 0.76450195, -0.07324219
        // among 16; the ROC from those gives 61/78 (cross-checked with numpy).
        Grid prediction = Grid.of(new double[] {0.2, 1.0}, new double[] {0.0, 0.6});
        Grid fixations = Grid.of(new double[] {0, 0, 0, 1}, new double[] {0, 0, 1, 0}, new double[] {0, 0, 0, 0},
                new double[] {1, 0, 0, 0});
        assertEquals(0.7820512820512819, AucJudd.score(prediction, fixations, MIT), TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> AucJudd.score(prediction, fixations, PYSALIENCY));
    }

    @Test
    void aPredictionContainingNaNScoresNaN() {
        Grid prediction = Grid.of(new double[] {Double.NaN, 0.5});
        assertTrue(Double.isNaN(AucJudd.score(prediction, Grid.of(new double[] {0, 1}), MIT)));
    }
}
