package io.fixate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Times the STA net's forward pass in PyTorch by running {@code docs/scripts/sta_forward_bench.py} in a separate
 * Python process (meant for Debian's python3-torch). Its lines are passed through; the one that starts with
 * {@value #RESULT_PREFIX} carries the milliseconds per forward pass. A missing interpreter, script or torch is
 * reported and the benchmark goes on without the comparison.
 */
final class PythonForwardComparison {

    /** Where the script lies relative to the repository root, which is where {@code ./fixate} is usually run. */
    static final String DEFAULT_SCRIPT = "docs/scripts/sta_forward_bench.py";
    /** Debian's interpreter, the one python3-torch installs into (a pyenv {@code python3} on the PATH has no torch). */
    static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private static final String RESULT_PREFIX = "forward_ms_per_pass=";
    private static final String PREFIX = "  python: ";

    private PythonForwardComparison() {
    }

    /**
     * Runs the script for an STA net at {@code inputSize}×{@code inputSize} on {@code threads} threads; with
     * {@code djlParams} (an {@code sta.params} file, or null) it also counts that file's parameters.
     *
     * @return milliseconds per forward pass, or empty when Python could not measure (the reason is printed)
     */
    static OptionalDouble run(String python, Path script, int inputSize, int threads, Path djlParams,
                              PrintWriter out) throws InterruptedException {
        if (!Files.isRegularFile(script)) {
            out.println(PREFIX + "no comparison: script " + script + " not found (run from the repository root or "
                    + "give --python-script)");
            return OptionalDouble.empty();
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--size",
                Integer.toString(inputSize), "--threads", Integer.toString(threads)));
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
