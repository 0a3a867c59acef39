package io.fixate.cli.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What became of one fuzz case, and how a {@link FuzzWorker} reports it to the fuzzer on its stdout: any number of
 * {@code TRACE} lines (an untyped exception's stack), then one {@code RESULT} line.
 *
 * @param detail   OK: the frames decoded; TYPED: the exception's class; UNTYPED: its class and message; HANG and
 *                 DEATH: what the fuzzer saw
 * @param evidence UNTYPED: the stack trace; HANG: the worker's main thread when it was stopped; DEATH: the exit
 *                 code, crash log and its top native frames
 */
public record FuzzResult(Outcome outcome, String detail, List<String> evidence) {

    /** The classes of outcome; the last three are bugs. */
    public enum Outcome {
        /** Decoded to the end. */
        OK,
        /** Refused with one of the reader's documented exceptions. */
        TYPED,
        /** Failed with any other exception or error. */
        UNTYPED,
        /** No result within the time limit; the worker was killed. */
        HANG,
        /** The worker's JVM died on the case (a native crash, or killed by the system). */
        DEATH;

        public boolean isFailure() {
            return this == UNTYPED || this == HANG || this == DEATH;
        }
    }

    static final String READY = "READY";
    private static final String RESULT = "RESULT ";
    private static final String TRACE = "TRACE ";

    public FuzzResult {
        evidence = List.copyOf(evidence);
    }

    static FuzzResult ok(long frames) {
        return new FuzzResult(Outcome.OK, Long.toString(frames), List.of());
    }

    static FuzzResult typed(Throwable error) {
        return new FuzzResult(Outcome.TYPED, error.getClass().getName(), List.of());
    }

    static FuzzResult untyped(Throwable error) {
        List<String> stack = new ArrayList<>();
        // a cause chain may loop back on itself
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            stack.add((cause == error ? "" : "Caused by: ") + oneLine(cause.toString()));
            for (StackTraceElement frame : cause.getStackTrace()) {
                stack.add("    at " + frame);
            }
        }
        return new FuzzResult(Outcome.UNTYPED, oneLine(error.toString()), stack);
    }

    public boolean isFailure() {
        return outcome.isFailure();
    }

    /** The lines a worker prints for this result. */
    List<String> protocolLines() {
        List<String> lines = new ArrayList<>();
        evidence.forEach(line -> lines.add(TRACE + line));
        lines.add(RESULT + outcome + " " + detail);
        return lines;
    }

    static boolean isTrace(String line) {
        return line.startsWith(TRACE);
    }

    static String traced(String line) {
        return line.substring(TRACE.length());
    }

    static boolean isResult(String line) {
        return line.startsWith(RESULT);
    }

    /** The result a worker's {@code RESULT} line and the {@link #traced traced} lines before it describe. */
    static FuzzResult parse(String resultLine, List<String> trace) {
        String[] parts = resultLine.substring(RESULT.length()).split(" ", 2);
        return new FuzzResult(Outcome.valueOf(parts[0]), parts.length > 1 ? parts[1] : "", trace);
    }

    /** Messages with line breaks (FFmpeg's, the JVM's) would break the one-line protocol. */
    private static String oneLine(String text) {
        return text.replaceAll("\\R+", " ");
    }
}
