package io.fixate.spi;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.PredictionSession;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PredictionSession} that does the bookkeeping every frame-based model needs: checks presentation order,
 * audio rate and frame size, keeps just enough frames for the context and look-ahead, hands the model a
 * {@link FrameWindow} per frame, and flushes at the end of a stream. A provider only implements {@link #predict}.
 */
public abstract class WindowedSession implements PredictionSession {

    private final int contextFrames;
    private final int lookAheadFrames;
    private final AudioRequirement audioRequirement;
    /** Frames still needed: the context of the next target, the target itself and what has arrived after it. */
    private final List<FrameWithAudio> buffer = new ArrayList<>();
    private int nextTarget;
    private long lastTimestamp = Long.MIN_VALUE;
    /**
     * Frame size of the current stream, 0 before its first frame. Kept apart from the buffer, which a model without
     * context or look-ahead empties after every frame.
     */
    private int streamWidth;
    private int streamHeight;
    private boolean closed;

    protected WindowedSession(int contextFrames, int lookAheadFrames, AudioRequirement audioRequirement) {
        if (contextFrames < 0 || lookAheadFrames < 0) {
            throw new IllegalArgumentException("frame counts must not be negative");
        }
        this.contextFrames = contextFrames;
        this.lookAheadFrames = lookAheadFrames;
        this.audioRequirement = audioRequirement;
    }

    /**
     * Predicts the map of {@code window.current()}. The map must carry that frame's timestamp and size. Per-frame
     * native resources must be released before returning.
     */
    protected abstract FixationMap predict(FrameWindow window);

    /** Called after {@link #flush()} so the model can drop any state carried between frames; none by default. */
    protected void streamEnded() {
    }

    /** Releases the session's own resources; nothing by default. */
    protected void release() {
    }

    @Override
    public final int lookAheadFrames() {
        return lookAheadFrames;
    }

    @Override
    public final AudioRequirement audioRequirement() {
        return audioRequirement;
    }

    @Override
    public final List<FixationMap> push(FrameWithAudio input) {
        ensureOpen();
        FrameWithAudio accepted = validate(input);
        buffer.add(accepted);
        lastTimestamp = accepted.frame().timestampMicros();
        streamWidth = accepted.frame().width();
        streamHeight = accepted.frame().height();
        List<FixationMap> ready = new ArrayList<>(1);
        while (nextTarget + lookAheadFrames < buffer.size()) {
            ready.add(predictTarget());
        }
        while (nextTarget > contextFrames) {
            buffer.remove(0);
            nextTarget--;
        }
        return ready;
    }

    @Override
    public final List<FixationMap> flush() {
        ensureOpen();
        List<FixationMap> ready = new ArrayList<>(buffer.size() - nextTarget);
        while (nextTarget < buffer.size()) {
            ready.add(predictTarget());
        }
        buffer.clear();
        nextTarget = 0;
        lastTimestamp = Long.MIN_VALUE;
        streamWidth = 0;
        streamHeight = 0;
        streamEnded();
        return ready;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            buffer.clear();
            release();
        }
    }

    private FixationMap predictTarget() {
        VideoFrame target = buffer.get(nextTarget).frame();
        FixationMap map = predict(new FrameWindow(buffer, nextTarget, contextFrames, lookAheadFrames));
        if (map.timestampMicros() != target.timestampMicros() || map.frameWidth() != target.width()
                || map.frameHeight() != target.height()) {
            throw new IllegalStateException(getClass().getName() + " returned " + map + " for " + target);
        }
        nextTarget++;
        return map;
    }

    private FrameWithAudio validate(FrameWithAudio input) {
        VideoFrame frame = input.frame();
        if (frame.timestampMicros() <= lastTimestamp) {
            throw new IllegalArgumentException("frames must arrive in presentation order: " + frame
                    + " is not after " + lastTimestamp + "us; call flush() before a seek");
        }
        boolean streamStarted = streamWidth > 0;
        if (streamStarted && (frame.width() != streamWidth || frame.height() != streamHeight)) {
            throw new UnsupportedMediaException("frame size changed from " + streamWidth + "x" + streamHeight
                    + " to " + frame.width() + "x" + frame.height()
                    + " within a stream; call flush() before a resolution change");
        }
        if (input.audio().sampleRate() != audioRequirement.sampleRate()) {
            throw new UnsupportedMediaException("audio at " + input.audio().sampleRate() + " Hz, but this model takes "
                    + audioRequirement.sampleRate() + " Hz: resample it first (the codec bridge does)");
        }
        return input.audio().channels() == 1 ? input
                : new FrameWithAudio(frame, input.audio().toMono(), input.audioPresent());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }
}
