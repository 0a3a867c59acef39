package io.fixate.cli.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bundled comparison script against the weights stanet bundles: it must rebuild each bundle's net with exactly the
 * parameters of its {@code sta.params}, so that a layer changed on either side, or an encoder the script builds
 * differently, shows up as a different count. Skipped where Debian's python3 has no torch.
 */
class PythonForwardComparisonTest {

    private static final Path BUNDLES =
            Path.of("../../provider-stanet/src/main/resources/io/fixate/provider/stanet/weights");
    private static final Pattern VISUAL_ENCODER = Pattern.compile("\"visualEncoder\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern INPUT_SIZE = Pattern.compile("\"inputSize\"\\s*:\\s*(\\d+)");

    @BeforeAll
    static void requireTorch() throws InterruptedException {
        int exit;
        try {
            exit = new ProcessBuilder(PythonForwardComparison.DEFAULT_PYTHON, "-c", "import torch")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            exit = -1;
        }
        assumeTrue(exit == 0, PythonForwardComparison.DEFAULT_PYTHON + " cannot import torch");
    }

    @ParameterizedTest
    @CsvSource({"real, mobilenet-v2", "benchmark, compact"})
    void theScriptsNetHasExactlyTheBundledParameters(String bundle, String visualEncoder)
            throws IOException, InterruptedException {
        Path folder = BUNDLES.resolve(bundle);
        String manifest = Files.readString(folder.resolve("manifest.json"));
        assertEquals(visualEncoder, field(VISUAL_ENCODER, manifest), "the " + bundle + " bundle's visual encoder");
        StringWriter printed = new StringWriter();
        var setup = new PythonForwardComparison.Setup(Integer.parseInt(field(INPUT_SIZE, manifest)), visualEncoder, 1,
                0.01);

        OptionalDouble millis = PythonForwardComparison.run(PythonForwardComparison.DEFAULT_PYTHON, null, setup,
                folder.resolve("sta.params"), new PrintWriter(printed, true));

        assertTrue(millis.isPresent() && millis.getAsDouble() > 0, printed.toString());
        assertTrue(printed.toString().contains("arrays: match"), printed.toString());
    }

    private static String field(Pattern pattern, String manifest) {
        Matcher matcher = pattern.matcher(manifest);
        assertTrue(matcher.find(), pattern + " in " + manifest);
        return matcher.group(1);
    }
}
