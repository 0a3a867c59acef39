package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffledAucTest {

    private static final double TOLERANCE = 1e-12;
    private static final MetricOptions MIT = MetricOptions.mit();

    /** Row-major pixels 0..5 hold 0, 0.2, 0.45, 0.6, 0.8, 1.0 (already min-max normalised). */
    private static final Grid PREDICTION = Grid.of(new double[] {0, 0.2, 0.45}, new double[] {0.6, 0.8, 1.0});
    /** Fixations on 0.45 and 0.8. */
    private static final Grid FIXATIONS = Grid.of(new double[] {0, 0, 1}, new double[] {0, 1, 0});

    @Test
    void explicitNegativesGiveTheExactSplitAreas() {
        // Split {0.6, 0.2}: max 0.8, thresholds 0.8, 0.7000000000000001, 0.6000000000000001, 0.5, 0.4, ..., 0.
        // Points (fp, tp): (0, .5) down to 0.6000000000000001 (0.6 falls just short of it), (.5, .5) at 0.5,
        // (.5, 1) at 0.4, (1, 1) at 0.2: area 0.25 + 0.5 = 0.75.
        assertEquals(0.75, ShuffledAuc.scoreWithNegatives(PREDICTION, FIXATIONS, List.of(new int[] {3, 1}), MIT),
                TOLERANCE);
        // Split {1.0, 0}: (.5, 0) at 1.0 … (.5, .5) at 0.8, (.5, 1) at 0.4, (1, 1) at 0: area 0.5.
        assertEquals(0.5, ShuffledAuc.scoreWithNegatives(PREDICTION, FIXATIONS, List.of(new int[] {5, 0}), MIT),
                TOLERANCE);
        assertEquals(0.625, ShuffledAuc.scoreWithNegatives(PREDICTION, FIXATIONS,
                List.of(new int[] {3, 1}, new int[] {5, 0}), MIT), TOLERANCE);
    }

    @Test
    void thresholdsComeFromMatlabsColonNotFromAccumulatedSteps() {
        // Normalised values 0, 0.55, 0.6, 1.0; positives 0.6 and 1.0, negatives 0.55 and 0. With 0:0.1:1 the
        // threshold 1 − 4·0.1 is exactly 0.6, so 0.6 passes before 0.55 does and the area is 1. Steps k·0.1 would
        // put 0.6000000000000001 there and give 0.875.
        Grid prediction = Grid.of(new double[] {0, 11, 12, 20});
        Grid fixations = Grid.of(new double[] {0, 0, 1, 1});
        assertEquals(1, ShuffledAuc.scoreWithNegatives(prediction, fixations, List.of(new int[] {1, 0}), MIT),
                TOLERANCE);
    }

    @Test
    void withNoMoreCandidatesThanFixationsEverySplitUsesThemAllWhateverTheSeed() {
        // Fixations on 0.45, 0.8 and 1.0; candidates 0.6 and 0.2.
        Grid fixations = Grid.of(new double[] {0, 0, 1}, new double[] {0, 1, 1});
        Grid others = Grid.of(new double[] {0, 1, 0}, new double[] {1, 0, 0});
        double exact = ShuffledAuc.scoreWithNegatives(PREDICTION, fixations, List.of(new int[] {1, 3}), MIT);
        for (long seed : new long[] {0, 1, 99}) {
            assertEquals(exact, ShuffledAuc.score(PREDICTION, fixations, others, MIT.withSeed(seed)), TOLERANCE);
        }
    }

    @Test
    void candidatesAreTakenInColumnMajorOrder() {
        Grid others = Grid.of(new double[] {1, 1, 0}, new double[] {1, 0, 2});
        assertArrayEquals(new int[] {0, 3, 1, 5}, PixelSets.positiveColumnMajor(others));
    }

    @Test
    void randomSplitsFollowTheDocumentedFisherYatesScheme() {
        double[] predicted = new double[64];
        double[] fixated = new double[64];
        double[] other = new double[64];
        for (int i = 0; i < 64; i++) {
            predicted[i] = (i * 37 % 64) / 63.0;
            fixated[i] = i % 9 == 0 ? 1 : 0;
            other[i] = i % 3 == 1 ? 1 : 0;
        }
        Grid prediction = Grid.of(8, 8, predicted);
        Grid fixations = Grid.of(8, 8, fixated);
        Grid others = Grid.of(8, 8, other);
        int nFix = PixelSets.positive(fixations).length;
        int[] arrangement = PixelSets.positiveColumnMajor(others);
        SplittableRandom random = new SplittableRandom(5);
        List<int[]> splits = new ArrayList<>();
        for (int s = 0; s < ShuffledAuc.SPLITS; s++) {
            for (int i = 0; i < nFix; i++) {
                int j = i + random.nextInt(arrangement.length - i);
                int swapped = arrangement[j];
                arrangement[j] = arrangement[i];
                arrangement[i] = swapped;
            }
            splits.add(Arrays.copyOf(arrangement, nFix));
        }
        double sampled = ShuffledAuc.score(prediction, fixations, others, MIT.withSeed(5));
        assertEquals(ShuffledAuc.scoreWithNegatives(prediction, fixations, splits, MIT), sampled, TOLERANCE);
        assertNotEquals(sampled, ShuffledAuc.score(prediction, fixations, others, MIT.withSeed(6)));
    }

    @Test
    void noCandidatesGiveNaN() {
        Grid none = Grid.of(new double[] {0, 0, 0}, new double[] {0, 0, -1});
        assertTrue(Double.isNaN(ShuffledAuc.score(PREDICTION, FIXATIONS, none, MIT)));
        assertTrue(Double.isNaN(ShuffledAuc.score(PREDICTION, FIXATIONS, none, MetricOptions.pysaliency())));
    }

    @Test
    void noFixationsOrAFlatOrNaNPredictionGiveNaN() {
        Grid others = Grid.of(new double[] {1, 0, 0}, new double[] {0, 0, 1});
        Grid noFixations = Grid.of(new double[] {0, 0, 0}, new double[] {0, 0, 0});
        Grid flat = Grid.of(new double[] {2, 2, 2}, new double[] {2, 2, 2});
        Grid withNaN = Grid.of(new double[] {2, Double.NaN, 2}, new double[] {2, 1, 2});
        assertTrue(Double.isNaN(ShuffledAuc.score(PREDICTION, noFixations, others, MIT)));
        assertTrue(Double.isNaN(ShuffledAuc.score(flat, FIXATIONS, others, MIT)));
        assertTrue(Double.isNaN(ShuffledAuc.score(withNaN, FIXATIONS, others, MIT)));
        assertEquals(0.5, ShuffledAuc.score(flat, FIXATIONS, others, MetricOptions.pysaliency()), TOLERANCE);
    }

    @Test
    void pysaliencyRanksEveryWeightedPairExactly() {
        // Positives 0.4 (2 fixations), 0.9 (1); negatives 0.1 (1), 0.4 (3), 0.9 (1): weights 3 and 5.
        // 0.4 beats 0.1 and ties 0.4: 2·(1 + 1.5) = 5; 0.9 beats 4 and ties 1: 4.5. (5 + 4.5)/15 = 19/30.
        Grid prediction = Grid.of(new double[] {0.1, 0.4}, new double[] {0.4, 0.9});
        Grid fixations = Grid.of(new double[] {0, 2}, new double[] {0, 1});
        Grid others = Grid.of(new double[] {1, 0}, new double[] {3, 1});
        assertEquals(19.0 / 30, ShuffledAuc.score(prediction, fixations, others, MetricOptions.pysaliency()),
                TOLERANCE);
    }

    @Test
    void mismatchedMapsAndMisusedOptionsAreRejected() {
        Grid others = Grid.of(new double[] {1, 0}, new double[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> ShuffledAuc.score(PREDICTION, FIXATIONS, others, MIT));
        assertThrows(IllegalArgumentException.class, () -> ShuffledAuc.scoreWithNegatives(PREDICTION, FIXATIONS,
                List.of(new int[] {1}), MetricOptions.pysaliency()));
        assertThrows(IllegalArgumentException.class,
                () -> ShuffledAuc.scoreWithNegatives(PREDICTION, FIXATIONS, List.of(), MIT));
        assertThrows(IndexOutOfBoundsException.class,
                () -> ShuffledAuc.scoreWithNegatives(PREDICTION, FIXATIONS, List.of(new int[] {6}), MIT));
    }
}
