package io.fixate.provider.scam.audio;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class SwitchLabelsTest {

    /** A training candidate: its position in the input list and whether its audio is relevant. */
    private record Fragment(int index, boolean relevant) {
    }

    @Test
    void aFragmentIsRelevantExactlyWhenTheTopClassIsTheTag() {
        assertEquals(SwitchLabels.RELEVANT, SwitchLabels.label(4, 4));
        assertEquals(SwitchLabels.IRRELEVANT, SwitchLabels.label(3, 4));
        assertEquals(1, SwitchLabels.RELEVANT);
        assertEquals(0, SwitchLabels.IRRELEVANT);
    }

    @Test
    void labelsOfABatchCompareEachRowsArgmaxWithItsTag(NDManager manager) {
        float[] logits = {
                0.1f, 2.0f, -1f, // top-1 = 1
                3.0f, 2.9f, 0f, // top-1 = 0
                -2f, -1f, -0.5f, // top-1 = 2
        };
        int[] labels = SwitchLabels.fromLogits(manager.create(logits, new Shape(3, 3)), new int[] {1, 1, 2});

        assertArrayEquals(new int[] {1, 0, 1}, labels);
        assertThrows(IllegalArgumentException.class,
                () -> SwitchLabels.fromLogits(manager.create(logits, new Shape(3, 3)), new int[] {1, 1}));
    }

    @Test
    void balancingKeepsEveryPositiveAndAsManyNegativesInOrder() {
        List<Fragment> fragments = fragments(10, 25, 7);

        List<Fragment> balanced = SwitchLabels.balanced(fragments, Fragment::relevant, 42);

        assertEquals(20, balanced.size());
        assertEquals(10, balanced.stream().filter(Fragment::relevant).count());
        assertTrue(IntStream.range(1, balanced.size())
                .allMatch(i -> balanced.get(i - 1).index() < balanced.get(i).index()), "original order kept");
    }

    @Test
    void balancingIsDeterminedByTheSeed() {
        List<Fragment> fragments = fragments(10, 25, 7);

        List<Fragment> first = SwitchLabels.balanced(fragments, Fragment::relevant, 42);

        assertEquals(first, SwitchLabels.balanced(fragments, Fragment::relevant, 42));
        assertNotEquals(first, SwitchLabels.balanced(fragments, Fragment::relevant, 43),
                "another seed draws other negatives (1 in C(25,10) ≈ 3.3 million to match)");
    }

    @Test
    void withFewerNegativesThanPositivesAllAreKept() {
        List<Fragment> fragments = fragments(6, 4, 2);

        assertEquals(fragments, SwitchLabels.balanced(fragments, Fragment::relevant, 1));
    }

    /** Positives and negatives interleaved: a positive every {@code period}-th place while positives remain. */
    private static List<Fragment> fragments(int positives, int negatives, int period) {
        List<Fragment> fragments = new ArrayList<>();
        int positivesLeft = positives;
        int negativesLeft = negatives;
        while (positivesLeft + negativesLeft > 0) {
            boolean relevant = positivesLeft > 0 && (negativesLeft == 0 || fragments.size() % period == 0);
            fragments.add(new Fragment(fragments.size(), relevant));
            if (relevant) {
                positivesLeft--;
            } else {
                negativesLeft--;
            }
        }
        return fragments;
    }
}
