package io.fixate.tests;

import io.fixate.cli.FixateCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs the {@code fixate} command line in this JVM, as the launcher would, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] arguments = List.of(args).stream().map(String::valueOf).toArray(String[]::new);
        int code = FixateCli.execute(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Asserts a failure with {@code expectedCode} reported as one clear line, never a stack trace. */
    Cli assertFailsWith(int expectedCode, String messagePart) {
        assertEquals(expectedCode, exitCode, () -> "exit code; stderr: " + err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), () -> "one line of error, got: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), () -> "no stack trace: " + err);
        if (!lines.get(0).contains(messagePart)) {
            throw new AssertionError("error should mention '" + messagePart + "': " + err);
        }
        return this;
    }

    Cli assertSucceeded() {
        assertEquals(0, exitCode, () -> "exit code; stderr: " + err + "\nstdout: " + out);
        return this;
    }
}
