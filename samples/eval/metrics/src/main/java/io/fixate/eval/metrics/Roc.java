package io.fixate.eval.metrics;

/** ROC building blocks: threshold counts and the trapezoid area. */
final class Roc {

    private Roc() {
    }

    /**
     * Area under the polyline through {@code (x[i], y[i])} by the trapezoid rule, as Matlab's {@code trapz(x, y)};
     * NaN if any point is NaN.
     */
    static double trapezoid(double[] x, double[] y) {
        double twiceArea = 0;
        for (int i = 1; i < x.length; i++) {
            twiceArea += (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
        }
        return twiceArea / 2;
    }

    /**
     * For each threshold {@code ascending[j]}, how many values are {@code ≥} it: one binary search per value into the
     * thresholds instead of one scan of the values per threshold.
     */
    static int[] countAtLeast(double[] values, double[] ascending) {
        int k = ascending.length;
        int[] byThresholdsPassed = new int[k + 1];
        for (double v : values) {
            byThresholdsPassed[thresholdsAtMost(ascending, v)]++;
        }
        int[] counts = new int[k];
        int running = 0;
        for (int j = k - 1; j >= 0; j--) {
            running += byThresholdsPassed[j + 1];
            counts[j] = running;
        }
        return counts;
    }

    /**
     * Number of entries of the ascending array that are {@code ≤ v}. The halving runs a fixed number of steps whose
     * only choice is a conditional move, so unpredictable values cost no branch mispredictions.
     */
    private static int thresholdsAtMost(double[] ascending, double v) {
        if (ascending.length == 0) {
            return 0;
        }
        int base = 0;
        int remaining = ascending.length;
        while (remaining > 1) {
            int half = remaining >>> 1;
            base = ascending[base + half] <= v ? base + half : base;
            remaining -= half;
        }
        return ascending[base] <= v ? base + 1 : base;
    }
}
