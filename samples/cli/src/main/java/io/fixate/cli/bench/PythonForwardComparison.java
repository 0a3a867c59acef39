package io.fixate.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Times the STA net's per-frame work in PyTorch by running {@value #SCRIPT}, which ships in the CLI's jar beside this
 * class, in a separate Python process (meant for Debian's python3-torch): one stream step as the Java session runs it,
 * the visual encoder on one new frame and the decoder on the kept encoder maps of three frames. Its lines are passed
 * through; the one that starts with {@value #RESULT_PREFIX} carries the milliseconds per step. A missing interpreter,
 * script or torch is reported and the benchmark goes on without the comparison.
 */
public final class PythonForwardComparison {

    /** The script's resource name, next to this class. */
    private static final String SCRIPT = "sta_forward_bench.py";
    /** Debian's interpreter, the one python3-torch installs into (a pyenv {@code python3} on the PATH has no torch). */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private static final String RESULT_PREFIX = "forward_ms_per_pass=";
    private static final String PREFIX = "  python: ";

    private PythonForwardComparison() {
    }

    /** What to time: the net's input size and visual encoder, the threads and the minimum measuring time. */
    public record Setup(int inputSize, String visualEncoder, int threads, double seconds) {
    }

    /**
     * Runs the bundled script, or {@code script} when not null, for the STA net of {@code setup}; with {@code
     * djlParams} (an {@code sta.params} file, or null) it also counts that file's parameters against the script's net.
     *
     * @return milliseconds per stream step, or empty when Python could not measure (the reason is printed)
     * @throws IOException when the bundled script cannot be copied out of the jar into a temporary file
     */
    public static OptionalDouble run(String python, Path script, Setup setup, Path djlParams, PrintWriter out)
            throws IOException, InterruptedException {
        if (script != null) {
            if (!Files.isRegularFile(script)) {
                out.println(PREFIX + "no comparison: script " + script + " not found");
                return OptionalDouble.empty();
            }
            return measure(python, script, setup, djlParams, out);
        }
        // Python reads a file, not a stream from inside a jar: the bundled script is copied out for the run.
        Path copy = Files.createTempFile("fixate-" + SCRIPT.replace(".py", "-"), ".py");
        try {
            try (InputStream bundled = PythonForwardComparison.class.getResourceAsStream(SCRIPT)) {
                if (bundled == null) {
                    throw new IOException(SCRIPT + " is missing from the fixate jar");
                }
                Files.copy(bundled, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return measure(python, copy, setup, djlParams, out);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static OptionalDouble measure(String python, Path script, Setup setup, Path djlParams, PrintWriter out)
            throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--size",
                Integer.toString(setup.inputSize()), "--visual-encoder", setup.visualEncoder(), "--threads",
                Integer.toString(setup.threads()), "--seconds", Double.toString(setup.seconds())));
        if (djlParams != null) {
            command.addAll(List.of("--djl-params", djlParams.toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println(PREFIX + "no comparison: cannot start " + python + " (" + e.getMessage() + ")");
            return OptionalDouble.empty();
        }
        OptionalDouble result = OptionalDouble.empty();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(PREFIX + line);
                if (line.startsWith(RESULT_PREFIX)) {
                    result = OptionalDouble.of(Double.parseDouble(line.substring(RESULT_PREFIX.length()).trim()));
                }
            }
        } catch (IOException e) {
            out.println(PREFIX + "lost the script's output: " + e.getMessage());
        }
        int exit = process.waitFor();
        if (exit != 0) {
            out.println(PREFIX + "no comparison: " + String.join(" ", command) + " exited with " + exit);
            return OptionalDouble.empty();
        }
        return result;
    }
}
