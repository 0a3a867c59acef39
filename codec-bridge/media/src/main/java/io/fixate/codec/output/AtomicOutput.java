package io.fixate.codec.output;

import io.fixate.api.files.AtomicFile;
import java.io.IOException;

/**
 * A writer that builds one file through an {@link AtomicFile}, in the two steps of a {@link StagedOutput}:
 * {@link #finish()} completes the content and closes the temporary file, {@link #commit()} moves it onto the target.
 * {@link #close()} does both, {@link #abort()} drops the file, and any failure while writing aborts so that a broken
 * file never reaches the target.
 */
abstract class AtomicOutput implements StagedOutput, AutoCloseable {

    private enum State { OPEN, FINISHED, DONE }

    private final String description;
    private final AtomicFile file;
    private State state = State.OPEN;

    /** @param description what is written, for messages, e.g. {@code "heatmap video /videos/out.mp4"} */
    AtomicOutput(String description, AtomicFile file) {
        this.description = description;
        this.file = file;
    }

    /** Writes what completes the content, e.g. a trailer or closing brackets. */
    abstract void finishContent() throws IOException;

    /** Releases what the writer holds, so the temporary file is flushed and closed; called exactly once. */
    abstract void release() throws IOException;

    @Override
    public void finish() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        try {
            finishContent();
        } catch (IOException e) {
            throw fail(e);
        }
        state = State.FINISHED;
        try {
            release();
        } catch (IOException e) {
            state = State.DONE;
            file.abort();
            throw failure(e);
        }
    }

    @Override
    public void commit() throws IOException {
        if (state == State.DONE) {
            throw new IllegalStateException(description + " was already committed or aborted");
        }
        finish();
        state = State.DONE;
        try {
            file.commit();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Finishes the file and moves it onto the target. Does nothing if already committed or aborted.
     *
     * @throws IOException if finishing or the move fails; the file is then aborted and an existing target stays as
     *                     it was
     */
    @Override
    public void close() throws IOException {
        if (state != State.DONE) {
            commit();
        }
    }

    /** Drops the file: nothing appears at the target. Does nothing if already committed or aborted. */
    @Override
    public void abort() throws IOException {
        State was = state;
        state = State.DONE;
        if (was == State.OPEN) {
            try {
                release();
            } finally {
                file.abort();
            }
        } else if (was == State.FINISHED) {
            file.abort();
        }
    }

    /** @throws IllegalStateException if the writer was finished, committed or aborted */
    final void requireOpen() {
        if (state != State.OPEN) {
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
