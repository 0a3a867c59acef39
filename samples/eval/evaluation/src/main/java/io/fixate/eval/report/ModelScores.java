package io.fixate.eval.report;

import io.fixate.eval.metrics.Scoreboard;

import java.util.Objects;

/**
 * The scores of one model on one dataset split.
 *
 * @param model  the name shown in reports
 * @param role   what kind of entry it is; reports explain entries by it and rank only competitors
 * @param scores per-frame scores by video
 */
public record ModelScores(String model, EntryRole role, Scoreboard scores) {
    public ModelScores {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scores, "scores");
    }
}
