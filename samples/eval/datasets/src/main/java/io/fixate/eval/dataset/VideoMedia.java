package io.fixate.eval.dataset;

import io.fixate.api.FrameWithAudio;

/**
 * The frames of one video with their audio windows, re-iterable: each {@link #iterator()} decodes from the first
 * frame and holds only a frame or two at a time. {@link #close()} frees the decoders of iterations abandoned before
 * their end. Not thread-safe.
 *
 * <p>Iteration errors are unchecked: {@link io.fixate.api.CorruptMediaException} for damaged files and
 * {@link java.io.UncheckedIOException} for missing ones, each naming the file.
 */
public interface VideoMedia extends Iterable<FrameWithAudio>, AutoCloseable {

    /** Frees what unfinished iterations hold; idempotent. Later iterations are refused. */
    @Override
    void close();
}
