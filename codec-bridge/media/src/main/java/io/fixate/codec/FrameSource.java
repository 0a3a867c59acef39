package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.FrameWithAudio;
import java.util.List;
import java.util.function.Consumer;

/**
 * Frames of a media file with their audio windows, in presentation order: decoded in this process
 * ({@link MediaReader}) or in a child process that a crash inside FFmpeg cannot take the host down with
 * ({@link IsolatedMediaReader}). Not thread-safe; close it to free the decoder.
 */
public interface FrameSource extends AutoCloseable {

    /** What the file holds, as its headers and its first frame describe it. */
    MediaInfo info();

    /**
     * Registers the listener that receives the file's own audio as decoded (native rate and channels, timestamps
     * on the frames' clock); register before the first {@link #read()} to receive all of it.
     */
    void onSourceAudio(Consumer<AudioBlock> listener);

    /**
     * The next frame in range with its audio window, or {@code null} after the last one.
     *
     * @throws io.fixate.api.TruncatedMediaException after the last frame that decoded, when the file's data ends
     *                                                before its declared end and damage is not tolerated
     * @throws IllegalStateException                  after {@link #close()}
     */
    FrameWithAudio read();

    /** Problems met so far that did not stop reading, each naming the file. */
    List<String> warnings();

    /** Frees the decoder; idempotent. */
    @Override
    void close();
}
