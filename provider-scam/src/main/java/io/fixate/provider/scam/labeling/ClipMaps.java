package io.fixate.provider.scam.labeling;

import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.maps.CamMap;
import io.fixate.provider.scam.maps.TemporalSmoother;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * Where a labelling pipeline's per-frame maps go for one clip: through the reference's {@link TemporalSmoother} if
 * configured (which holds {@value TemporalSmoother#DELAY} maps back), then to the sink as {@link FixationMap}s with
 * their frame's timestamp and size, min-max normalised ({@link FixationMap#ofScores}).
 */
final class ClipMaps {

    private final boolean smoothing;
    private final Consumer<FixationMap> sink;
    private final TemporalSmoother smoother = new TemporalSmoother();
    private final Queue<FrameStamp> awaitingMaps = new ArrayDeque<>(TemporalSmoother.DELAY + 1);

    ClipMaps(boolean smoothing, Consumer<FixationMap> sink) {
        this.smoothing = smoothing;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The map of {@code frame}, the next frame of the clip. */
    void add(VideoFrame frame, CamMap map) {
        FrameStamp stamp = new FrameStamp(frame.timestampMicros(), frame.width(), frame.height());
        if (!smoothing) {
            emit(stamp, map);
            return;
        }
        awaitingMaps.add(stamp);
        smoother.push(map).forEach(smoothed -> emit(awaitingMaps.remove(), smoothed));
    }

    /** After the clip's last frame: the maps still held back. */
    void finish() {
        smoother.flush().forEach(smoothed -> emit(awaitingMaps.remove(), smoothed));
    }

    private void emit(FrameStamp frame, CamMap map) {
        sink.accept(FixationMap.ofScores(map.width(), map.height(), map.toArray(), frame.timestampMicros(),
                frame.width(), frame.height()));
    }

    /** What a map needs of its frame once the pixels are no longer needed. */
    private record FrameStamp(long timestampMicros, int width, int height) {
    }
}
