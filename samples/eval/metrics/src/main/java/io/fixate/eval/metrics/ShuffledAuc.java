package io.fixate.eval.metrics;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Shuffled AUC: AUC with fixations of other frames (or other videos) as negatives, so a centre bias alone earns
 * nothing.
 *
 * <p>MIT ({@code AUC_shuffled.m} with the defaults STAViS uses): NaN without fixations ({@code fix > 0}); the
 * prediction is resized and min-max normalised with no jitter (a flat map gives NaN); positives are the normalised
 * values at the fixated pixels; the candidate negatives are the pixels with {@code other > 0} in column-major order;
 * each of {@value #SPLITS} splits takes {@code Nneg = min(Nfix, #candidates)} of them at random; its thresholds are
 * {@code fliplr(0:0.1:max(positives ∪ negatives))} by {@link MatlabColon Matlab's colon algorithm}, with
 * {@code tp = #{positives ≥ t}/Nfix}, {@code fp = #{negatives ≥ t}/Nneg}, a curve from (0,0) to (1,1) and the
 * trapezoid area; the score is the mean over the splits. No candidates gives fp = 0/0 and NaN.
 *
 * <p>Random splits (Matlab draws a full {@code randperm} per split from an unseeded generator): one
 * {@code SplittableRandom(seed)} per call and one working copy of the candidates in column-major order; split s
 * (s = 1..100, in order) runs a partial Fisher–Yates shuffle over that copy, continuing from the arrangement split
 * s − 1 left: for i = 0..Nneg−1, swap position i with position {@code i + nextInt(#candidates − i)}; the first Nneg
 * positions are the split's negatives. Each split's subset is uniformly random, like the first Nneg of a fresh
 * {@code randperm}. When {@code #candidates ≤ Nfix} every split uses all candidates and the score does not depend on
 * the generator at all.
 *
 * <p>pysaliency ({@code AUC} with shuffled nonfixations): no resize, no splits; every pixel with {@code other > 0}
 * is a negative weighted by its value (its fixation count), every fixated pixel a positive weighted likewise, and the
 * score is the exact ROC area over all values, ties counting one half. A flat map scores 0.5.
 */
public final class ShuffledAuc {

    /** Random splits per score, {@code Nsplits} in the reference. */
    public static final int SPLITS = 100;

    private static final double THRESHOLD_STEP = 0.1;

    private ShuffledAuc() {
    }

    /**
     * Shuffled AUC of {@code prediction} against {@code fixations}, with candidate negatives where
     * {@code otherFixations > 0}.
     *
     * @throws IllegalArgumentException if the fixation maps differ in shape, or under pysaliency the prediction's
     *                                  shape differs from theirs
     */
    public static double score(Grid prediction, Grid fixations, Grid otherFixations, MetricOptions options) {
        return score(PreparedPrediction.of(prediction, fixations, options), fixations, otherFixations, options);
    }

    /**
     * MIT shuffled AUC with the negatives of each split given: {@code negativeSplits.get(s)} lists the row-major pixel
     * indices (in the fixation map's shape) whose values are split s's negatives; the score is the mean over the
     * given splits, and an empty split makes it NaN. This makes the score exact, for tests and for replaying samples
     * drawn elsewhere.
     *
     * @throws IllegalArgumentException if there are no splits, an index is outside the map, or the options are not
     *                                  MIT
     */
    public static double scoreWithNegatives(Grid prediction, Grid fixations, List<int[]> negativeSplits,
                                            MetricOptions options) {
        Objects.requireNonNull(negativeSplits, "negativeSplits");
        if (options.convention() != Convention.MIT) {
            throw new IllegalArgumentException("explicit negative splits exist only under MIT; pysaliency has none");
        }
        if (negativeSplits.isEmpty()) {
            throw new IllegalArgumentException("at least one split of negatives is needed");
        }
        for (int[] split : negativeSplits) {
            for (int pixel : split) {
                Objects.checkIndex(pixel, fixations.size());
            }
        }
        Normalised normalised =
                Normalised.of(PreparedPrediction.of(prediction, fixations, options), PixelSets.positive(fixations));
        if (normalised == null) {
            return Double.NaN;
        }
        double total = 0;
        for (int[] split : negativeSplits) {
            total += splitArea(normalised.positives, PixelSets.valuesAt(normalised.map, split));
        }
        return total / negativeSplits.size();
    }

    static double score(PreparedPrediction prediction, Grid fixations, Grid otherFixations, MetricOptions options) {
        PreparedPrediction.requireSameShape(fixations, otherFixations, "the other-fixation map");
        int[] fixated = PixelSets.positive(fixations);
        if (options.convention() == Convention.PYSALIENCY) {
            return fixated.length == 0 || prediction.hasNaN
                    ? Double.NaN
                    : exactArea(prediction.values, fixated, fixations, otherFixations);
        }
        Normalised normalised = Normalised.of(prediction, fixated);
        if (normalised == null) {
            return Double.NaN;
        }
        int[] candidates = PixelSets.positiveColumnMajor(otherFixations);
        if (candidates.length <= fixated.length) {
            return splitArea(normalised.positives, PixelSets.valuesAt(normalised.map, candidates));
        }
        return meanOverRandomSplits(normalised, candidates, options.seed());
    }

    /** The min-max normalised prediction and its values at the fixated pixels. */
    private record Normalised(double[] map, double[] positives) {

        /** Null where MIT scores NaN before any split: no fixations, a NaN or a flat prediction. */
        static Normalised of(PreparedPrediction prediction, int[] fixated) {
            if (fixated.length == 0 || prediction.hasNaN || prediction.constant) {
                return null;
            }
            double[] map = MapMath.minMaxNormalised(prediction.values);
            return new Normalised(map, PixelSets.valuesAt(map, fixated));
        }
    }

    private static double meanOverRandomSplits(Normalised normalised, int[] candidates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] arrangement = candidates.clone();
        double[] negatives = new double[normalised.positives.length];
        double total = 0;
        for (int split = 0; split < SPLITS; split++) {
            for (int i = 0; i < negatives.length; i++) {
                int j = i + random.nextInt(arrangement.length - i);
                int swapped = arrangement[j];
                arrangement[j] = arrangement[i];
                arrangement[i] = swapped;
                negatives[i] = normalised.map[swapped];
            }
            total += splitArea(normalised.positives, negatives);
        }
        return total / SPLITS;
    }

    /** One split's ROC area over the thresholds {@code 0:0.1:max}, swept from the top. */
    private static double splitArea(double[] positives, double[] negatives) {
        double top = Math.max(MapMath.max(positives), MapMath.max(negatives));
        double[] thresholds = MatlabColon.range(0, THRESHOLD_STEP, top);
        int[] tpCounts = Roc.countAtLeast(positives, thresholds);
        int[] fpCounts = Roc.countAtLeast(negatives, thresholds);
        int n = thresholds.length;
        double[] tp = new double[n + 2];
        double[] fp = new double[n + 2];
        for (int i = 1; i <= n; i++) {
            int descending = n - i;
            tp[i] = (double) tpCounts[descending] / positives.length;
            fp[i] = (double) fpCounts[descending] / negatives.length;
        }
        tp[n + 1] = 1;
        fp[n + 1] = 1;
        return Roc.trapezoid(fp, tp);
    }

    /** pysaliency's exact ROC area: the weighted share of (positive, negative) pairs ranked right, ties half. */
    private static double exactArea(double[] prediction, int[] fixated, Grid fixations, Grid otherFixations) {
        int[] others = PixelSets.positive(otherFixations);
        WeightedValues negatives = new WeightedValues(PixelSets.valuesAt(prediction, others),
                PixelSets.valuesAt(otherFixations.values(), others));
        double[] counts = fixations.values();
        double rankedRight = 0;
        double positiveWeight = 0;
        for (int pixel : fixated) {
            double value = prediction[pixel];
            rankedRight += counts[pixel] * (negatives.weightBelow(value) + 0.5 * negatives.weightEqual(value));
            positiveWeight += counts[pixel];
        }
        return rankedRight / (positiveWeight * negatives.total());
    }
}
