package io.fixate.eval.metrics;

import java.util.Arrays;

/**
 * A multiset of values with weights (fixation counts), sorted once so that the weight above, below or at any value
 * costs one binary search. pysaliency's fixation lists repeat a pixel once per fixation; a weight stands for that.
 */
final class WeightedValues {

    private final double[] distinct;
    /** {@code below[i]} = total weight of the values smaller than {@code distinct[i]}; one extra entry = total. */
    private final double[] below;

    WeightedValues(double[] values, double[] weights) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] unique = new double[sorted.length];
        int n = 0;
        for (double v : sorted) {
            if (n == 0 || v != unique[n - 1]) {
                unique[n++] = v;
            }
        }
        distinct = Arrays.copyOf(unique, n);
        double[] atValue = new double[n];
        for (int i = 0; i < values.length; i++) {
            atValue[firstAtLeast(values[i])] += weights[i];
        }
        below = new double[n + 1];
        for (int i = 0; i < n; i++) {
            below[i + 1] = below[i] + atValue[i];
        }
    }

    /** The distinct values, ascending. */
    double[] distinct() {
        return distinct.clone();
    }

    double total() {
        return below[distinct.length];
    }

    /** Total weight of the values {@code < t}. */
    double weightBelow(double t) {
        return below[firstAtLeast(t)];
    }

    /** Total weight of the values {@code ≥ t}. */
    double weightAtLeast(double t) {
        return total() - weightBelow(t);
    }

    /** Total weight of the values {@code == t}. */
    double weightEqual(double t) {
        int i = firstAtLeast(t);
        return i < distinct.length && distinct[i] == t ? below[i + 1] - below[i] : 0;
    }

    /** Index of the first distinct value {@code ≥ t}, by IEEE comparison (so −0.0 and 0.0 are one value). */
    private int firstAtLeast(double t) {
        int lo = 0;
        int hi = distinct.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (distinct[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
