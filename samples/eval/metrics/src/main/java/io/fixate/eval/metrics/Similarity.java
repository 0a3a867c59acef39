package io.fixate.eval.metrics;

/**
 * SIM: the histogram intersection {@code Σ min(P, G)} of prediction and ground-truth density, each made to sum to 1.
 *
 * <p>MIT ({@code similarity.m}): the prediction is resized to the density's size; each map with any non-zero value
 * is min-max normalised and then divided by its sum, while an all-zero map stays zero, so the score is 0 if either
 * map is all zero. A flat non-zero map becomes all NaN, and the score NaN.
 *
 * <p>pysaliency ({@code SIM}): no resize; each map is shifted to a minimum of 0 only if it went below 0, then divided
 * by its sum; an all-zero map becomes uniform.
 */
public final class Similarity {

    private Similarity() {
    }

    /**
     * SIM of {@code prediction} and {@code density}.
     *
     * @throws IllegalArgumentException under pysaliency, if the shapes differ
     */
    public static double score(Grid prediction, Grid density, MetricOptions options) {
        return score(PreparedPrediction.of(prediction, density, options), density, options);
    }

    static double score(PreparedPrediction prediction, Grid density, MetricOptions options) {
        double[] gt = density.values();
        if (prediction.hasNaN || MapMath.hasNaN(gt)) {
            return Double.NaN;
        }
        double[] p;
        double[] g;
        if (options.convention() == Convention.MIT) {
            boolean flatNonZero = prediction.constant && MapMath.anyNonZero(prediction.values)
                    || MapMath.isConstant(gt) && MapMath.anyNonZero(gt);
            if (flatNonZero) {
                return Double.NaN;
            }
            p = mitDistribution(prediction.values);
            g = mitDistribution(gt);
        } else {
            p = MapMath.pysaliencyDensity(prediction.values);
            g = MapMath.pysaliencyDensity(gt);
        }
        double intersection = 0;
        for (int i = 0; i < p.length; i++) {
            intersection += Math.min(p[i], g[i]);
        }
        return intersection;
    }

    /** Min-max normalised and divided by the sum; an all-zero map is returned as it is. */
    private static double[] mitDistribution(double[] map) {
        return MapMath.anyNonZero(map) ? MapMath.dividedBySum(MapMath.minMaxNormalised(map)) : map;
    }
}
