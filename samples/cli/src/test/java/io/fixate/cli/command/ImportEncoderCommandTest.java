package io.fixate.cli.command;

import io.fixate.cli.ExitCode;
import io.fixate.cli.FixateCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code fixate import-encoder}: a real network imports, a missing or foreign file is a bad input (exit 3). */
class ImportEncoderCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNoNetworkIsABadInputAndWritesNothing() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.tflite"), "not a network");
        StringWriter err = new StringWriter();

        int code = run(err, "import-encoder", text.toString(), "--out", dir.resolve("out").toString());

        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("fixate: notes.tflite is not a TensorFlow Lite model"), err.toString());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingFileIsABadInput() {
        StringWriter err = new StringWriter();
        int code = run(err, "import-encoder", dir.resolve("absent.tflite").toString(), "--out", dir.toString());

        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void theSharedMobileNetV2ImportsIntoAnEncoderFolder() {
        String shared = System.getProperty("fixate.shared.dir");
        assumeTrue(shared != null, "fixate.shared.dir is not set");
        Path network = Path.of(shared, "models", "tf2_mobilenet_v2_1.0_224_ptq.tflite");
        assumeTrue(Files.isRegularFile(network), network + " is absent");
        StringWriter err = new StringWriter();

        int code = run(err, "import-encoder", network.toString(), "--out", dir.resolve("mnv2").toString());

        assertEquals(ExitCode.OK, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("mnv2/encoder.json")));
        assertTrue(Files.isRegularFile(dir.resolve("mnv2/encoder.params")));
    }

    private static int run(StringWriter err, String... args) {
        return FixateCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }
}
