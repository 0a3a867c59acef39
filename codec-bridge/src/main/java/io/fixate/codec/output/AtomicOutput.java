package io.fixate.codec.output;

import java.io.IOException;

/**
 * A writer that builds one file through an {@link AtomicFile}: {@link #close()} finishes the content and commits it,
 * {@link #abort()} drops it, and any failure while writing aborts so that a broken file never reaches the target.
 */
abstract class AtomicOutput implements AutoCloseable {

    private final String description;
    private final AtomicFile file;
    private boolean finished;

    /** @param description what is written, for messages, e.g. {@code "heatmap video /videos/out.mp4"} */
    AtomicOutput(String description, AtomicFile file) {
        this.description = description;
        this.file = file;
    }

    /** Writes what completes the content, e.g. a trailer or closing brackets. */
    abstract void finishContent() throws IOException;

    /** Releases what the writer holds, so the temporary file is flushed and closed; called exactly once. */
    abstract void release() throws IOException;

    /**
     * Finishes the file and moves it onto the target. Does nothing if already closed or aborted.
     *
     * @throws IOException if finishing fails; the file is then aborted and an existing target stays as it was
     */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            finishContent();
        } catch (IOException e) {
            throw fail(e);
        }
        finished = true;
        try {
            release();
            file.commit();
        } catch (IOException e) {
            file.abort();
            throw failure(e);
        }
    }

    /** Drops the file: nothing appears at the target. Does nothing if already closed or aborted. */
    public void abort() throws IOException {
        if (!finished) {
            finished = true;
            try {
                release();
            } finally {
                file.abort();
            }
        }
    }

    /** @throws IllegalStateException if the writer was closed or aborted */
    final void requireOpen() {
        if (finished) {
            throw new IllegalStateException(description + " is already closed");
        }
    }

    /** Aborts after {@code cause} and returns the exception to throw, naming the output. */
    final IOException fail(IOException cause) {
        IOException failure = failure(cause);
        try {
            abort();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private IOException failure(IOException cause) {
        return new IOException("cannot write " + description + ": " + cause.getMessage(), cause);
    }
}
