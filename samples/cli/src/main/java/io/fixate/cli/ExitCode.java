package io.fixate.cli;

/** The process exit codes of {@code fixate}, documented in README.md. */
public final class ExitCode {
    /** Everything asked for was written. */
    public static final int OK = 0;
    /** An unexpected internal error; run again with {@code --verbose} and report the stack trace. */
    public static final int INTERNAL = 1;
    /** A wrong option, unknown model name or option value a model rejects. */
    public static final int USAGE = 2;
    /** The input file is missing, unreadable, corrupt or has no usable video. */
    public static final int BAD_INPUT = 3;
    /** Model weights are missing or damaged. */
    public static final int WEIGHTS = 4;
    /** The requested device (GPU) is not available. */
    public static final int DEVICE = 5;
    /** An output could not be written; nothing that existed before was changed. */
    public static final int OUTPUT = 6;
    /** A check failed (bench-memory: resident memory grew; fuzz-media: a case hung, died or threw untyped). */
    public static final int CHECK_FAILED = 7;
    /** Training stopped on a loss that is not finite; train again with a lower learning rate. */
    public static final int DIVERGED = 8;

    private ExitCode() {
    }
}
