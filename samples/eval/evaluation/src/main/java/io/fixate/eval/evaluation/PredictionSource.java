package io.fixate.eval.evaluation;

import io.fixate.eval.dataset.GroundTruth;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.report.EntryRole;

/**
 * Something an evaluation scores: a predictor, a folder of saved maps, a reference baseline or a bound computed from
 * the ground truth itself.
 */
public interface PredictionSource extends AutoCloseable {

    /** Receives one frame's prediction together with the ground truth it is to be judged against. */
    @FunctionalInterface
    interface FrameSink {
        void accept(int frameIndex, Grid prediction, GroundTruth target);
    }

    /** The name reports show. */
    String name();

    /** What kind of entry this is in a report. */
    EntryRole role();

    /**
     * Predicts every frame of {@code video} that has ground truth, in order, handing each to {@code sink} with its
     * target: normally {@code groundTruth.frame(i)}; bounds may judge against a part of it.
     */
    void predict(VideoEntry video, VideoGroundTruth groundTruth, FrameSink sink);

    @Override
    default void close() {
    }
}
