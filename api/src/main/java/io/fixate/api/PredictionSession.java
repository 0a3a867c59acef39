package io.fixate.api;

import java.util.List;

/**
 * A stream of frames going through a predictor. Push each frame with its audio window in presentation order; each
 * push returns the maps that became ready, in presentation order. A map for frame {@code t} is ready once
 * {@link #lookAheadFrames()} later frames have been pushed; {@link #flush()} produces the rest at the end of the
 * stream (or before a seek) and leaves the session ready for a new stream.
 *
 * <p>Not thread-safe: use one session per thread. Close it to release the native memory it holds.
 */
public interface PredictionSession extends AutoCloseable {

    /** Frames that must follow a frame before its map can be produced. */
    int lookAheadFrames();

    /** The audio window this session expects with each frame. */
    AudioRequirement audioRequirement();

    /**
     * Pushes the next frame with its audio window.
     *
     * @return the maps that became ready, oldest first; often empty at the start of a stream
     * @throws IllegalArgumentException if the frame is not later than the previous one
     * @throws UnsupportedMediaException if the audio is not at the {@link #audioRequirement()} sample rate or the
     *                                   frame size differs from the stream's first frame
     * @throws IllegalStateException     if the session is closed
     */
    List<FixationMap> push(FrameWithAudio input);

    /** Pushes a frame that has no sound. */
    default List<FixationMap> push(VideoFrame frame) {
        return push(FrameWithAudio.silent(frame, audioRequirement()));
    }

    /** Ends the current stream: returns the maps of every frame still waiting for look-ahead, oldest first. */
    List<FixationMap> flush();

    /** Releases the session's resources; maps not flushed are dropped. */
    @Override
    void close();
}
