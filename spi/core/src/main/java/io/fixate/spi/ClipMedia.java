package io.fixate.spi;

import io.fixate.api.FrameWithAudio;

/**
 * The frames of one clip with their audio windows, re-iterable: each {@link #iterator()} starts again from the first
 * frame. Iteration errors are unchecked ({@link io.fixate.api.CorruptMediaException} for a damaged file, {@link
 * java.io.UncheckedIOException} for a missing one, each naming the file). Not thread-safe.
 */
public interface ClipMedia extends Iterable<FrameWithAudio>, AutoCloseable {

    /** Frees what iterations abandoned before their end still hold; idempotent. */
    @Override
    void close();
}
