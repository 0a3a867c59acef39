package io.fixate.eval.report;

import io.fixate.eval.metrics.Scoreboard;

import java.util.Objects;

/**
 * The scores of one model on one dataset split.
 *
 * @param model         the name shown in reports
 * @param role          what kind of entry it is; reports explain entries by it and rank only competitors
 * @param scores        per-frame scores by video
 * @param contextScores the scores of the frames where the dataset says context decides (the granularity
 *                      benchmark's context frames), by video; empty for datasets that record none
 */
public record ModelScores(String model, EntryRole role, Scoreboard scores, Scoreboard contextScores) {
    public ModelScores {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(contextScores, "contextScores");
        if (contextScores.convention() != scores.convention()) {
            throw new IllegalArgumentException("the context frames of " + model + " are scored under another "
                    + "convention than its frames");
        }
    }

    /** Scores of a dataset that records no context frames. */
    public ModelScores(String model, EntryRole role, Scoreboard scores) {
        this(model, role, scores, new Scoreboard(scores.convention()));
    }
}
