package io.fixate.spi;

import io.fixate.api.FrameWithAudio;

import java.util.List;

/**
 * The frames a model sees when it predicts one frame: the current one, up to {@code contextFrames} before it and
 * {@code lookAheadFrames} after it. At the edges of a stream the missing neighbours are the nearest frame that exists
 * (edge replication), so a model always gets a full window.
 */
public final class FrameWindow {

    private final List<FrameWithAudio> frames;
    private final int current;
    private final int contextFrames;
    private final int lookAheadFrames;

    FrameWindow(List<FrameWithAudio> frames, int current, int contextFrames, int lookAheadFrames) {
        this.frames = frames;
        this.current = current;
        this.contextFrames = contextFrames;
        this.lookAheadFrames = lookAheadFrames;
    }

    /** The frame whose map is being predicted. */
    public FrameWithAudio current() {
        return frames.get(current);
    }

    /** The frame {@code k} steps before the current one, 1 ≤ k ≤ contextFrames. */
    public FrameWithAudio past(int k) {
        checkOffset(k, contextFrames, "context");
        return frames.get(Math.max(0, current - k));
    }

    /** The frame {@code k} steps after the current one, 1 ≤ k ≤ lookAheadFrames. */
    public FrameWithAudio future(int k) {
        checkOffset(k, lookAheadFrames, "look-ahead");
        return frames.get(Math.min(frames.size() - 1, current + k));
    }

    /** Whether real frames (not edge copies) exist {@code k} steps before the current one. */
    public boolean hasPast(int k) {
        return current - k >= 0;
    }

    /** Whether real frames (not edge copies) exist {@code k} steps after the current one. */
    public boolean hasFuture(int k) {
        return current + k < frames.size();
    }

    private static void checkOffset(int k, int max, String what) {
        if (k < 1 || k > max) {
            throw new IndexOutOfBoundsException(what + " offset " + k + " outside 1.." + max);
        }
    }
}
