package io.fixate.eval.metrics;

/**
 * CC: Pearson's linear correlation between the prediction and the ground-truth density.
 *
 * <p>MIT ({@code CC.m}): the prediction is resized to the density's size; both are z-scored and correlated with
 * {@code corr2}. If either map is flat the result is NaN.
 *
 * <p>pysaliency ({@code CC}): no resize; a flat prediction against a non-flat density scores 0.0, a flat density
 * gives NaN.
 */
public final class CorrelationCoefficient {

    private CorrelationCoefficient() {
    }

    /**
     * CC of {@code prediction} with {@code density}.
     *
     * @throws IllegalArgumentException under pysaliency, if the shapes differ
     */
    public static double score(Grid prediction, Grid density, MetricOptions options) {
        return score(PreparedPrediction.of(prediction, density, options), density, options);
    }

    static double score(PreparedPrediction prediction, Grid density, MetricOptions options) {
        double[] gt = density.values();
        if (prediction.hasNaN || MapMath.hasNaN(gt) || MapMath.isConstant(gt)) {
            return Double.NaN;
        }
        if (prediction.constant) {
            return options.convention() == Convention.MIT ? Double.NaN : 0.0;
        }
        return MapMath.pearson(prediction.values, gt);
    }
}
