package io.fixate.eval.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * AUC-Judd: the area under the ROC curve whose thresholds are the prediction's values at the fixated pixels.
 *
 * <p>MIT ({@code AUC_Judd.m}): NaN if no pixel has {@code fix > 0}; the prediction is resized to the fixation map,
 * optionally jittered, min-max normalised (a flat map gives NaN unless jittered); the thresholds are the fixated
 * values sorted in descending order with duplicates kept, and at the i-th threshold t, {@code tp = i/Nfix} (even when
 * tied values make more fixated pixels pass, a quirk of the reference) and
 * {@code fp = (#{pixels ≥ t} − i)/(Npix − Nfix)}; the curve runs from (0,0) to (1,1) and the area is the trapezoid
 * sum. If every pixel is fixated, fp is 0/0 and the score NaN. Each fixated pixel counts once.
 *
 * <p>pysaliency ({@code SaliencyMapModel.AUC_Judd}): no resize, no min-max; a pixel of value k stands for k
 * fixations; the thresholds are the distinct fixated values, {@code tp} is the fixation weight at or above the
 * threshold and {@code fp} the share of non-fixated pixels at or above it, so ties are counted honestly. A flat map
 * scores 0.5.
 */
public final class AucJudd {

    /** The tie-breaking noise is divided by this, as {@code rand/1e7} in the reference. */
    private static final double JITTER_DIVISOR = 1e7;

    private AucJudd() {
    }

    /**
     * AUC-Judd of {@code prediction} against {@code fixations} (pixels with value {@code > 0}).
     *
     * @throws IllegalArgumentException under pysaliency, if the shapes differ
     */
    public static double score(Grid prediction, Grid fixations, MetricOptions options) {
        return score(PreparedPrediction.of(prediction, fixations, options), fixations, options);
    }

    static double score(PreparedPrediction prediction, Grid fixations, MetricOptions options) {
        int[] fixated = PixelSets.positive(fixations);
        if (fixated.length == 0 || prediction.hasNaN) {
            return Double.NaN;
        }
        boolean mit = options.convention() == Convention.MIT;
        double[] values = prediction.values;
        if (options.jitter()) {
            values = jittered(values, mit, options.seed());
        } else if (mit && prediction.constant) {
            return Double.NaN;
        }
        return mit
                ? mitRoc(values, fixated)
                : pysaliencyRoc(values, fixated, PixelSets.valuesAt(fixations.values(), fixated));
    }

    /** The prediction plus noise of amplitude 1e-7, one draw per pixel in row-major order. */
    private static double[] jittered(double[] values, boolean uniform, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double noise = uniform ? random.nextDouble() : random.nextGaussian();
            out[i] = values[i] + noise / JITTER_DIVISOR;
        }
        return out;
    }

    private static double mitRoc(double[] prediction, int[] fixated) {
        // Min-max of a flat map is 0/0; reached here only when jitter failed to break the tie.
        if (MapMath.isConstant(prediction)) {
            return Double.NaN;
        }
        double[] normalised = MapMath.minMaxNormalised(prediction);
        int fixations = fixated.length;
        int nonFixated = normalised.length - fixations;
        double[] thresholds = PixelSets.valuesAt(normalised, fixated);
        Arrays.sort(thresholds);
        int[] atLeast = Roc.countAtLeast(normalised, thresholds);
        double[] tp = new double[fixations + 2];
        double[] fp = new double[fixations + 2];
        for (int i = 1; i <= fixations; i++) {
            int descending = fixations - i;
            tp[i] = (double) i / fixations;
            fp[i] = (double) (atLeast[descending] - i) / nonFixated;
        }
        tp[fixations + 1] = 1;
        fp[fixations + 1] = 1;
        return Roc.trapezoid(fp, tp);
    }

    private static double pysaliencyRoc(double[] prediction, int[] fixated, double[] counts) {
        int nonFixated = prediction.length - fixated.length;
        if (nonFixated == 0) {
            return Double.NaN;
        }
        double[] fixatedValues = PixelSets.valuesAt(prediction, fixated);
        WeightedValues positives = new WeightedValues(fixatedValues, counts);
        double[] thresholds = positives.distinct();
        int[] pixelsAtLeast = Roc.countAtLeast(prediction, thresholds);
        int[] fixatedAtLeast = Roc.countAtLeast(fixatedValues, thresholds);
        int n = thresholds.length;
        double[] tp = new double[n + 2];
        double[] fp = new double[n + 2];
        for (int i = 1; i <= n; i++) {
            int descending = n - i;
            tp[i] = positives.weightAtLeast(thresholds[descending]) / positives.total();
            fp[i] = (double) (pixelsAtLeast[descending] - fixatedAtLeast[descending]) / nonFixated;
        }
        tp[n + 1] = 1;
        fp[n + 1] = 1;
        return Roc.trapezoid(fp, tp);
    }
}
