package io.fixate.eval.dataset;

import io.fixate.eval.metrics.Grid;

import java.util.Objects;

/**
 * The human ground truth of one frame, both maps at the resolution the dataset stores them.
 *
 * @param index           frame index, 0-based
 * @param timestampMicros presentation time of the frame
 * @param density         the continuous fixation density, scaled to [0, 1] (its stored integer range mapped onto
 *                        [0, 1]; not a probability: the metrics normalise it as each requires)
 * @param fixations       the binary fixation map: 1 where an observer fixated, 0 elsewhere
 */
public record GroundTruth(int index, long timestampMicros, Grid density, Grid fixations) {

    /** @throws IllegalArgumentException if the two maps differ in size */
    public GroundTruth {
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(fixations, "fixations");
        if (!density.sameShape(fixations)) {
            throw new IllegalArgumentException("frame " + index + ": density " + density + " and fixations "
                    + fixations + " differ in size");
        }
    }
}
