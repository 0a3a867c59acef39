package io.fixate.eval.metrics;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/** Which pixels of a fixation map count, in the orders the reference code visits them. */
final class PixelSets {

    private PixelSets() {
    }

    /** Row-major indices of the pixels with {@code value > 0} (fixated for AUC and shuffled AUC). */
    static int[] positive(Grid map) {
        return rowMajor(map, v -> v > 0);
    }

    /** Row-major indices of the pixels with {@code value ≠ 0} (fixated for MIT NSS, which uses Matlab's logical). */
    static int[] nonZero(Grid map) {
        return rowMajor(map, v -> v != 0);
    }

    /** Row-major indices of the pixels with {@code value > 0}, listed in column-major order as Matlab's find. */
    static int[] positiveColumnMajor(Grid map) {
        double[] v = map.values();
        int width = map.width();
        int height = map.height();
        int[] found = new int[v.length];
        int n = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                if (v[y * width + x] > 0) {
                    found[n++] = y * width + x;
                }
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** {@code values[pixels[i]]} for each i. */
    static double[] valuesAt(double[] values, int[] pixels) {
        double[] out = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = values[pixels[i]];
        }
        return out;
    }

    private static int[] rowMajor(Grid map, DoublePredicate counts) {
        double[] v = map.values();
        int[] found = new int[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (counts.test(v[i])) {
                found[n++] = i;
            }
        }
        return Arrays.copyOf(found, n);
    }
}
