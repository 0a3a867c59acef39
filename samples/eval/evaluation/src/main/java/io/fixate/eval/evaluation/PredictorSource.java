package io.fixate.eval.evaluation;

import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.PredictionSession;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.dataset.VideoMedia;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.report.EntryRole;

import java.util.List;
import java.util.Objects;

/** A {@link FixationPredictor} run on each video's frames and sound, as a user would run it: no tags, no truth. */
public final class PredictorSource implements PredictionSource {

    private final String name;
    private final FixationPredictor predictor;
    private final EntryRole role;

    /**
     * @param name the name reports show: the model's own, or the name of a row that scores it with some settings
     * @param role {@link EntryRole#MODEL} for a model under test, {@link EntryRole#BASELINE} for a reference predictor
     */
    public PredictorSource(String name, FixationPredictor predictor, EntryRole role) {
        this.name = Objects.requireNonNull(name, "name");
        this.predictor = predictor;
        this.role = role;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EntryRole role() {
        return role;
    }

    @Override
    public void predict(VideoEntry video, VideoGroundTruth groundTruth, FrameSink sink) {
        Delivery delivery = new Delivery(groundTruth, sink);
        try (VideoMedia media = video.media(predictor.info().capabilities().audio());
             PredictionSession session = predictor.openSession()) {
            for (FrameWithAudio input : media) {
                delivery.accept(session.push(input));
            }
            delivery.accept(session.flush());
        }
    }

    /** Pairs the maps of one video, as they come out of the session, with their frames' ground truth. */
    private static final class Delivery {
        private final VideoGroundTruth groundTruth;
        private final FrameSink sink;
        private int next;

        Delivery(VideoGroundTruth groundTruth, FrameSink sink) {
            this.groundTruth = groundTruth;
            this.sink = sink;
        }

        /** Frames beyond the ground truth (a video that decodes longer than it was annotated) are not scored. */
        void accept(List<FixationMap> maps) {
            for (FixationMap map : maps) {
                int index = next++;
                if (index < groundTruth.frameCount()) {
                    sink.accept(index, Grid.from(map), groundTruth.frame(index));
                }
            }
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
