package io.fixate.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Predicts where people look in any video, frame by frame, from pictures and sound, without tags.
 *
 * <p>Thread-safety: a predictor holds the loaded model and is safe to share between threads; each thread opens its
 * own {@link PredictionSession}. Close the predictor when no session is using it any more.
 */
public interface FixationPredictor extends AutoCloseable {

    /** Name, description and capabilities of the model behind this predictor. */
    ProviderInfo info();

    /** Opens a streaming session. */
    PredictionSession openSession();

    /**
     * How many threads the model computes each frame with, as its inference engine runs it, for reports and
     * benchmarks; 0 when the model does not say (one without an engine, say).
     */
    default int threads() {
        return 0;
    }

    /**
     * The names of the encoders the loaded model is built on, by the input they read ({@code visual}, {@code audio}),
     * as its weights record them: for reports and benchmarks that rebuild the model elsewhere. Empty when the model
     * has no such parts or does not say.
     */
    default Map<String, String> encoders() {
        return Map.of();
    }

    /**
     * Predicts a whole clip, handing each map to {@code sink} in presentation order as soon as it is ready, so that
     * memory stays bounded however long the clip is. The clip is iterated in a thread of its own (named
     * {@code fixate-clip-read}), so that decoding the next frames overlaps the model; the session and {@code sink}
     * run in the calling thread. A failure of either is thrown once, from the calling thread, as it was thrown.
     */
    default void predictClip(Iterable<FrameWithAudio> clip, Consumer<FixationMap> sink) {
        try (PredictionSession session = openSession()) {
            ClipPipeline.run(session, clip, sink);
        }
    }

    /** Predicts a whole clip and returns one map per frame, in presentation order. */
    default List<FixationMap> predictClip(Iterable<FrameWithAudio> clip) {
        List<FixationMap> maps = new ArrayList<>();
        predictClip(clip, maps::add);
        return maps;
    }

    /** Releases the model. */
    @Override
    void close();
}
