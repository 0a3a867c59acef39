package io.fixate.eval.metrics;

/**
 * Normalized scanpath saliency: the mean of the z-scored prediction at the fixations.
 *
 * <p>MIT ({@code NSS.m}): the prediction is resized to the fixation map, z-scored with Matlab's {@code std}
 * (normalised by N − 1), and averaged over the pixels with {@code fix ≠ 0}, each once. A flat prediction gives NaN
 * (0/0), and so does an empty fixation map (the mean of nothing).
 *
 * <p>pysaliency ({@code NSS}): no resize; z-scored with numpy's population std (N); averaged over fixations, a pixel
 * of value {@code k > 0} counting k times. A flat prediction scores 0; no fixations give NaN.
 */
public final class Nss {

    private Nss() {
    }

    /**
     * NSS of {@code prediction} at {@code fixations}.
     *
     * @throws IllegalArgumentException under pysaliency, if the shapes differ
     */
    public static double score(Grid prediction, Grid fixations, MetricOptions options) {
        return score(PreparedPrediction.of(prediction, fixations, options), fixations, options);
    }

    static double score(PreparedPrediction prediction, Grid fixations, MetricOptions options) {
        boolean mit = options.convention() == Convention.MIT;
        int[] fixated = mit ? PixelSets.nonZero(fixations) : PixelSets.positive(fixations);
        if (fixated.length == 0 || prediction.hasNaN || (mit && prediction.constant)) {
            return Double.NaN;
        }
        if (prediction.constant) {
            return 0;
        }
        double[] values = prediction.values;
        double mean = MapMath.mean(values);
        double std = MapMath.std(values, mean, mit ? 1 : 0);
        double[] counts = fixations.values();
        double weightedSum = 0;
        double totalWeight = 0;
        for (int pixel : fixated) {
            double weight = mit ? 1 : counts[pixel];
            weightedSum += weight * (values[pixel] - mean) / std;
            totalWeight += weight;
        }
        return weightedSum / totalWeight;
    }
}
