package io.fixate.codec;

import io.fixate.api.FrameWithAudio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A media file as a re-iterable sequence of frames with their audio windows, for code that walks a clip several
 * times (pseudo-labelers, evaluation). Each {@link #iterator()} opens its own {@link MediaReader} and closes it when
 * exhausted; an iterator abandoned before its end keeps its decoder open until {@link #close()} of the clip, which
 * closes every reader still open. Opening errors surface from {@code iterator()} as {@link MediaReader#open}
 * describes them.
 *
 * <p>Not thread-safe: use a clip and its iterators from one thread at a time. In particular {@link #close()} must not
 * run while another thread is inside an iterator's {@code hasNext()} or {@code next()}, as it frees that iterator's
 * decoder.
 */
public final class MediaClip implements Iterable<FrameWithAudio>, AutoCloseable {

    private final Path file;
    private final ReadOptions options;
    private final Set<MediaReader> openReaders = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean closed;

    private MediaClip(Path file, ReadOptions options) {
        this.file = file;
        this.options = options;
    }

    /** A clip of {@code file}; nothing is opened until the first iteration. */
    public static MediaClip of(Path file, ReadOptions options) {
        return new MediaClip(Objects.requireNonNull(file, "file"), Objects.requireNonNull(options, "options"));
    }

    public Path file() {
        return file;
    }

    public ReadOptions options() {
        return options;
    }

    /**
     * A new pass over the clip from its first frame in range.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public Iterator<FrameWithAudio> iterator() {
        if (closed) {
            throw new IllegalStateException("media clip of " + file + " is closed");
        }
        MediaReader reader = MediaReader.open(file, options);
        openReaders.add(reader);
        return new Pass(reader);
    }

    /** The warnings of every finished or closed pass, without repeats. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Closes the readers of unfinished iterations; idempotent. Later iterations are refused. */
    @Override
    public void close() {
        closed = true;
        for (MediaReader reader : List.copyOf(openReaders)) {
            release(reader);
        }
    }

    private void release(MediaReader reader) {
        if (openReaders.remove(reader)) {
            reader.close();
            reader.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        }
    }

    /** One iteration: reads one frame ahead so that {@link #hasNext()} can answer, and closes at the end. */
    private final class Pass implements Iterator<FrameWithAudio> {
        private final MediaReader reader;
        private FrameWithAudio next;
        private boolean exhausted;

        Pass(MediaReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !exhausted) {
                next = reader.read();
                if (next == null) {
                    exhausted = true;
                    release(reader);
                }
            }
            return next != null;
        }

        @Override
        public FrameWithAudio next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more frames in " + file);
            }
            FrameWithAudio frame = next;
            next = null;
            return frame;
        }
    }
}
