package io.fixate.eval.metrics;

import java.util.Arrays;

/** Whole-map statistics and normalisations shared by the metrics, on row-major value arrays. */
final class MapMath {

    private MapMath() {
    }

    static boolean hasNaN(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }

    static double min(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
        }
        return min;
    }

    static double max(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        return max;
    }

    /**
     * Whether every value is the same, tested as {@code max == min} so that rounding in a mean cannot turn a flat
     * map into one with a tiny non-zero spread.
     */
    static boolean isConstant(double[] v) {
        return max(v) == min(v);
    }

    static boolean anyNonZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    static double sum(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum;
    }

    static double mean(double[] v) {
        return sum(v) / v.length;
    }

    /** Standard deviation about {@code mean}, normalised by {@code n − ddof} (1 for Matlab's std, 0 for numpy's). */
    static double std(double[] v, double mean, int ddof) {
        double squares = 0;
        for (double x : v) {
            double d = x - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (v.length - ddof));
    }

    /** {@code (v − min) / (max − min)}; all NaN for a constant map, as Matlab's 0/0. */
    static double[] minMaxNormalised(double[] v) {
        double min = min(v);
        double range = max(v) - min;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - min) / range;
        }
        return out;
    }

    /** {@code v / sum(v)}. */
    static double[] dividedBySum(double[] v) {
        double sum = sum(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / sum;
        }
        return out;
    }

    /**
     * pysaliency's {@code convert_saliency_map_to_density}: shifted to a minimum of 0 if it went below, then divided
     * by its sum; an all-zero map becomes uniform.
     */
    static double[] pysaliencyDensity(double[] v) {
        double min = min(v);
        double[] shifted = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            shifted[i] = min < 0 ? v[i] - min : v[i];
        }
        if (sum(shifted) == 0) {
            Arrays.fill(shifted, 1.0 / v.length);
            return shifted;
        }
        return dividedBySum(shifted);
    }

    /** Pearson's correlation of two maps of equal size (Matlab's {@code corr2}, numpy's {@code corrcoef}). */
    static double pearson(double[] a, double[] b) {
        double meanA = mean(a);
        double meanB = mean(b);
        double products = 0;
        double squaresA = 0;
        double squaresB = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            products += da * db;
            squaresA += da * da;
            squaresB += db * db;
        }
        return products / Math.sqrt(squaresA * squaresB);
    }
}
