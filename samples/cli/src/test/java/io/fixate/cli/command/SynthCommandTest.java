package io.fixate.cli.command;

import io.fixate.cli.ExitCode;
import io.fixate.cli.FixateCli;
import io.fixate.eval.synth.BenchmarkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fixate synth} takes every preset by name, lists them in its help and refuses what a preset cannot be. */
class SynthCommandTest {

    @TempDir
    Path dir;

    @Test
    void theGranularityPresetIsGeneratedByName() throws IOException {
        Path out = dir.resolve("bench");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = FixateCli.execute(new String[]{"synth", "--out", out.toString(), "--preset", "granularity-tiny",
                "--no-progress"}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(ExitCode.OK, code, stderr::toString);
        assertTrue(stdout.toString().startsWith("wrote 9 clips"), stdout::toString);
        assertTrue(Files.readString(out.resolve("dataset.json"))
                .contains("\"name\": \"" + BenchmarkSpec.GRANULARITY_TINY.name() + "\""));
        assertTrue(Files.readString(out.resolve("ground_truth/bell_0000/clip.json")).contains("\"short-term\""));
    }

    @Test
    void theHelpListsEveryPreset() {
        StringWriter stdout = new StringWriter();
        assertEquals(ExitCode.OK, FixateCli.execute(new String[]{"synth", "--help"}, new PrintWriter(stdout, true),
                new PrintWriter(new StringWriter(), true)));
        String help = stdout.toString().replaceAll("\\s+", " ");
        BenchmarkSpec.PRESETS.forEach(name -> assertTrue(help.contains(name), name + " missing from " + help));
    }

    @Test
    void anUnknownPresetOrClipsTooShortForTheContextScenesAreUsageErrors() {
        StringWriter stderr = new StringWriter();
        assertEquals(ExitCode.USAGE, FixateCli.execute(new String[]{"synth", "--out", dir.toString(), "--preset",
                "huge"}, new PrintWriter(new StringWriter(), true), new PrintWriter(stderr, true)));
        assertTrue(stderr.toString().contains("granularity-tiny"), stderr::toString);
        StringWriter tooShort = new StringWriter();
        assertEquals(ExitCode.USAGE, FixateCli.execute(new String[]{"synth", "--out", dir.toString(), "--preset",
                "granularity", "--seconds", "2"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(tooShort, true)));
        assertTrue(tooShort.toString().contains("at least 4 s"), tooShort::toString);
    }
}
