package io.fixate.eval.metrics;

import java.util.EnumMap;
import java.util.Objects;

/**
 * All six metrics for one frame, sharing a single resize of the prediction. Thread-safe: it holds only its options.
 */
public final class MetricSuite {

    private final MetricOptions options;

    /** A suite that runs every metric with {@code options}. */
    public MetricSuite(MetricOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options every metric runs with. */
    public MetricOptions options() {
        return options;
    }

    /**
     * Scores one frame. The three human maps must share one shape (as STAViS's {@code eyeMap} and {@code fixMap} of a
     * frame do); the prediction may have any shape under MIT and is resized to theirs once.
     *
     * @param prediction     the predicted map
     * @param density        the ground-truth fixation density (for CC, SIM, KLD)
     * @param fixations      the fixation map, fixated where {@code > 0} (for AUC-Judd, shuffled AUC, NSS)
     * @param otherFixations fixations of other frames, the shuffled-AUC candidates where {@code > 0}
     * @throws IllegalArgumentException if the human maps differ in shape, or under pysaliency the prediction's shape
     *                                  differs from theirs
     */
    public FrameScores evaluate(Grid prediction, Grid density, Grid fixations, Grid otherFixations) {
        PreparedPrediction.requireSameShape(fixations, density, "the density map");
        PreparedPrediction.requireSameShape(fixations, otherFixations, "the other-fixation map");
        PreparedPrediction prepared = PreparedPrediction.of(prediction, fixations, options);
        EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.AUC_JUDD, AucJudd.score(prepared, fixations, options));
        values.put(Metric.SHUFFLED_AUC, ShuffledAuc.score(prepared, fixations, otherFixations, options));
        values.put(Metric.NSS, Nss.score(prepared, fixations, options));
        values.put(Metric.CC, CorrelationCoefficient.score(prepared, density, options));
        values.put(Metric.SIM, Similarity.score(prepared, density, options));
        values.put(Metric.KLD, KlDivergence.score(prepared, density, options));
        return FrameScores.of(options.convention(), values);
    }
}
