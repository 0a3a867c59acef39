package io.fixate.eval.metrics;

import java.util.Objects;

/**
 * One score, labelled with the metric and the convention that produced it.
 *
 * @param metric     which metric
 * @param convention whose rules computed it
 * @param value      the score; NaN where the reference implementation returns NaN
 */
public record MetricResult(Metric metric, Convention convention, double value) {

    public MetricResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(convention, "convention");
    }

    /** Metric and convention as a report column heading, e.g. {@code AUC-J (MIT/STAViS)}. */
    public String label() {
        return metric.label() + " (" + convention.label() + ")";
    }

    @Override
    public String toString() {
        return label() + " = " + value;
    }
}
