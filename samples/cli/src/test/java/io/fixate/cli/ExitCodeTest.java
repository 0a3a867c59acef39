package io.fixate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.api.TruncatedMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.IExitCodeExceptionMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Each kind of failure keeps the exit code README documents, so that scripts can tell them apart. */
class ExitCodeTest {

    private static final IExitCodeExceptionMapper CODES = FixateCli.FAILURE_EXIT_CODES;

    @TempDir
    Path dir;

    @Test
    void aDivergedTrainingIsNotAWrongOption() {
        assertEquals(ExitCode.DIVERGED, CODES.getExitCode(new TrainingDivergedException("net x diverged")));
        assertEquals(ExitCode.USAGE, CODES.getExitCode(new InvalidOptionsException("bad option")));
    }

    @Test
    void damagedInputAndDamagedWeightsHaveTheirOwnCodes() {
        assertEquals(ExitCode.BAD_INPUT, CODES.getExitCode(new TruncatedMediaException("cut", 3, 120_000, 2_000_000)));
        assertEquals(ExitCode.WEIGHTS, CODES.getExitCode(new CorruptWeightsException("bad sum")));
    }

    @Test
    void anUnexpectedFailureIsAnInternalError() {
        assertEquals(ExitCode.INTERNAL, CODES.getExitCode(new IllegalStateException("bug")));
        assertEquals(ExitCode.OUTPUT, CODES.getExitCode(new UncheckedIOException(new java.io.IOException("full"))));
    }

    @Test
    void enumOptionsIgnoreCaseAndAWrongValueIsAUsageErrorNamingTheOption() {
        Path missing = dir.resolve("missing.mp4");
        // Both values parse, so the run gets as far as the input, which is missing.
        assertEquals(ExitCode.BAD_INPUT, run(new StringWriter(), "predict", missing, "--model", "classic-baseline",
                "--device", "CPU", "--colormap", "Inferno"));
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.USAGE, run(err, "predict", missing, "--colormap", "purple"));
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("fixate: ") && err.toString().contains("--colormap")
                && err.toString().contains("purple"), err::toString);
    }

    @Test
    void verboseAddsTheStackTraceToTheOneLineMessage() {
        Path missing = dir.resolve("missing.mp4");
        StringWriter quiet = new StringWriter();
        run(quiet, "predict", missing, "--model", "classic-baseline");
        assertEquals(1, quiet.toString().lines().count(), quiet::toString);
        StringWriter verbose = new StringWriter();
        assertEquals(ExitCode.BAD_INPUT, run(verbose, "predict", missing, "--model", "classic-baseline",
                "--verbose"));
        assertTrue(verbose.toString().startsWith(quiet.toString()) && verbose.toString().contains("\tat "),
                verbose::toString);
    }

    private static int run(StringWriter err, Object... args) {
        String[] arguments = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        return FixateCli.execute(arguments, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }
}
