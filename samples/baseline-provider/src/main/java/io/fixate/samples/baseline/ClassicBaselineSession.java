package io.fixate.samples.baseline;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.WindowedSession;

import java.util.LinkedHashMap;
import java.util.Map;

/** A classic-baseline stream: one frame of context, one of look-ahead, everything else is {@link SaliencyRule}. */
final class ClassicBaselineSession extends WindowedSession {

    /** Previous, current and next frame: each frame's planes are used by three windows but computed once. */
    private static final int CACHED_FRAMES = 3;

    private final BaselineSettings settings;
    private final SaliencyRule rule;
    private final Map<VideoFrame, OpponentPlanes> planes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VideoFrame, OpponentPlanes> eldest) {
            return size() > CACHED_FRAMES;
        }
    };

    ClassicBaselineSession(BaselineSettings settings) {
        super(1, 1, AudioRequirement.DEFAULT);
        this.settings = settings;
        this.rule = new SaliencyRule(settings.centreBias());
    }

    @Override
    protected FixationMap predict(FrameWindow window) {
        VideoFrame frame = window.current().frame();
        ValueGrid scores = rule.scores(planesOf(window.past(1).frame()), planesOf(frame),
                planesOf(window.future(1).frame()), Loudness.of(window.current()));
        return FixationMap.ofScores(scores.width(), scores.height(), scores.toArray(), frame.timestampMicros(),
                frame.width(), frame.height());
    }

    /** Frames have identity semantics, so the cache keys on the very frame objects the window holds. */
    private OpponentPlanes planesOf(VideoFrame frame) {
        return planes.computeIfAbsent(frame, f -> OpponentPlanes.of(f, settings.gridLongSide()));
    }

    @Override
    protected void streamEnded() {
        planes.clear();
    }

    @Override
    protected void release() {
        planes.clear();
    }
}
