package io.fixate.eval.synth;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SplitsTest {

    private static final double[] DEFAULT_FRACTIONS = {0.70, 0.15, 0.15};

    @Test
    void proportionsFollowTheFractionsByLargestRemainder() {
        assertArrayEquals(new int[]{11, 2, 3}, Splits.counts(16, DEFAULT_FRACTIONS));
        assertArrayEquals(new int[]{7, 2, 1}, Splits.counts(10, new double[]{0.7, 0.2, 0.1}));
        assertArrayEquals(new int[]{1, 0, 0}, Splits.counts(1, DEFAULT_FRACTIONS));
    }

    @Test
    void smallCategoriesStillGetTestAndValidationClips() {
        assertArrayEquals(new int[]{1, 0, 1}, Splits.counts(2, DEFAULT_FRACTIONS));
        assertArrayEquals(new int[]{1, 1, 1}, Splits.counts(3, DEFAULT_FRACTIONS));
        assertArrayEquals(new int[]{3, 0, 0}, Splits.counts(3, new double[]{1, 0, 0}));
    }

    @Test
    void everyClipOfACategoryLandsInExactlyOneSplit() {
        Map<Splits.Split, List<Integer>> splits = Splits.assign(BenchmarkSpec.DEFAULT, 3);
        List<Integer> all = new ArrayList<>();
        splits.values().forEach(all::addAll);
        all.sort(null);
        assertEquals(IntStream.range(0, 16).boxed().toList(), all);
        assertEquals(11, splits.get(Splits.Split.TRAIN).size());
    }

    @Test
    void theChoiceDependsOnSeedAndCategoryButIsRepeatable() {
        BenchmarkSpec spec = BenchmarkSpec.DEFAULT;
        assertEquals(Splits.assign(spec, 0), Splits.assign(spec, 0));
        assertNotEquals(Splits.assign(spec, 0).get(Splits.Split.TEST), Splits.assign(spec, 1).get(Splits.Split.TEST));
        assertNotEquals(Splits.assign(spec, 0).get(Splits.Split.TEST),
                Splits.assign(spec.withSeed(2), 0).get(Splits.Split.TEST));
    }
}
