package io.fixate.codec.output;

import java.io.IOException;
import java.util.List;

/**
 * An output written under a temporary name and put in place in two steps, so that several outputs can appear
 * together: {@link #finish()} completes the content (trailer, closing brackets) and closes its files without making
 * anything visible, and {@link #commit()} then only renames. {@link #commitAll} finishes every output of a run
 * before it renames the first, so a failure while finishing any of them (a full disk during a video's trailer)
 * leaves every target as it was.
 *
 * <p>Implementations are not thread-safe; {@link #abort()} may be called in any state and does nothing once the
 * output is committed or aborted.
 */
public interface StagedOutput {

    /**
     * Completes the content under its temporary name and releases the files; the target is not touched. Does nothing
     * if already finished, committed or aborted.
     *
     * @throws IOException if the content cannot be completed; the output is then aborted
     */
    void finish() throws IOException;

    /**
     * Finishes the output if that has not been done, then moves it onto its target.
     *
     * @throws IllegalStateException if already committed or aborted
     * @throws IOException           if finishing or the move fails; the output is then aborted
     */
    void commit() throws IOException;

    /** Drops the output, leaving its target as it was; does nothing after a commit or an abort. */
    void abort() throws IOException;

    /**
     * Puts {@code outputs} in place together: finishes every one, then commits them in list order. A failure while
     * finishing aborts them all, so no target changes. The commits are renames, but a failing one (or a crash
     * between two of them) leaves the outputs before it committed and aborts those after it.
     *
     * @throws IOException the first failure, with failures to abort the others suppressed in it
     */
    static void commitAll(List<? extends StagedOutput> outputs) throws IOException {
        for (StagedOutput output : outputs) {
            try {
                output.finish();
            } catch (IOException | RuntimeException e) {
                abortAfter(e, outputs);
                throw e;
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            try {
                outputs.get(i).commit();
            } catch (IOException | RuntimeException e) {
                abortAfter(e, outputs.subList(i + 1, outputs.size()));
                throw e;
            }
        }
    }

    /**
     * Aborts every one of {@code outputs}, going on after a failure so that one stuck output does not keep the
     * others' temporary files.
     *
     * @throws IOException the first failure (a runtime exception is rethrown as it is), with the later ones
     *                     suppressed in it
     */
    static void abortAll(List<? extends StagedOutput> outputs) throws IOException {
        Exception failure = null;
        for (StagedOutput output : outputs) {
            try {
                output.abort();
            } catch (IOException | RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
    }

    /** Aborts {@code outputs} after {@code failure}, which keeps what goes wrong with that as suppressed. */
    private static void abortAfter(Exception failure, List<? extends StagedOutput> outputs) {
        try {
            abortAll(outputs);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
