package io.fixate.eval.metrics;

import java.util.Objects;

/**
 * A prediction brought to the target's shape once, so that the six metrics of a frame share one resize, together
 * with the facts about it that every metric checks first.
 */
final class PreparedPrediction {

    /** The prediction at the target's shape: resized under MIT, as given under pysaliency. */
    final double[] values;
    /** Whether the prediction is flat, before or after resizing (resampling round-off cannot fake a spread). */
    final boolean constant;
    /** Whether any value is NaN; every metric then scores NaN. */
    final boolean hasNaN;

    private PreparedPrediction(double[] values, boolean constant, boolean hasNaN) {
        this.values = values;
        this.constant = constant;
        this.hasNaN = hasNaN;
    }

    /**
     * The prediction at {@code target}'s shape: resized with the options' boundary under MIT, checked under
     * pysaliency.
     *
     * @throws IllegalArgumentException under pysaliency, if the prediction's shape differs from the target's
     */
    static PreparedPrediction of(Grid prediction, Grid target, MetricOptions options) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (options.convention() == Convention.PYSALIENCY && !prediction.sameShape(target)) {
            throw new IllegalArgumentException("pysaliency does not resize: the prediction is " + prediction.height()
                    + "x" + prediction.width() + ", the target " + target.height() + "x" + target.width());
        }
        Grid resized = MatlabResize.resize(prediction, target.height(), target.width(), options.boundary());
        boolean constant = MapMath.isConstant(prediction.values())
                || resized != prediction && MapMath.isConstant(resized.values());
        return new PreparedPrediction(resized.values(), constant, MapMath.hasNaN(prediction.values()));
    }

    /** Checks that a map read alongside {@code reference} (fixations, other fixations, density) has its shape. */
    static void requireSameShape(Grid reference, Grid map, String what) {
        if (!reference.sameShape(map)) {
            throw new IllegalArgumentException(what + " is " + map.height() + "x" + map.width() + " but must be "
                    + reference.height() + "x" + reference.width());
        }
    }
}
