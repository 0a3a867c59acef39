package io.fixate.eval.report;

import io.fixate.eval.metrics.Scoreboard;

import java.util.Objects;

/**
 * The scores of one model on one dataset split.
 *
 * @param model  the name shown in reports
 * @param role   what kind of entry it is, e.g. {@code predictor}, {@code predictions}, {@code baseline},
 *               {@code bound}; reports group and explain entries by it
 * @param scores per-frame scores by video
 */
public record ModelScores(String model, String role, Scoreboard scores) {
    public ModelScores {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scores, "scores");
    }
}
