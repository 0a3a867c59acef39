package io.fixate.eval.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The six metric scores of one frame, all computed under one convention. Immutable. */
public final class FrameScores {

    private final Convention convention;
    private final EnumMap<Metric, Double> values;

    private FrameScores(Convention convention, EnumMap<Metric, Double> values) {
        this.convention = convention;
        this.values = values;
    }

    /**
     * Scores for every {@link Metric}, NaN allowed.
     *
     * @throws IllegalArgumentException if a metric is missing
     */
    public static FrameScores of(Convention convention, Map<Metric, Double> values) {
        Objects.requireNonNull(convention, "convention");
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Double value = values.get(metric);
            if (value == null) {
                throw new IllegalArgumentException("no score for " + metric.label());
            }
            copy.put(metric, value);
        }
        return new FrameScores(convention, copy);
    }

    /** The convention all six scores follow. */
    public Convention convention() {
        return convention;
    }

    /** The score of {@code metric}; NaN where the reference returns NaN. */
    public double value(Metric metric) {
        return values.get(Objects.requireNonNull(metric, "metric"));
    }

    /** The score of {@code metric}, labelled. */
    public MetricResult result(Metric metric) {
        return new MetricResult(metric, convention, value(metric));
    }

    /** All six scores, labelled, in {@link Metric} order. */
    public List<MetricResult> results() {
        List<MetricResult> results = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            results.add(result(metric));
        }
        return List.copyOf(results);
    }

    @Override
    public String toString() {
        return results().toString();
    }
}
