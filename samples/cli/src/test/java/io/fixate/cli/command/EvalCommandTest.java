package io.fixate.cli.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.cli.ExitCode;
import io.fixate.cli.FixateCli;
import io.fixate.eval.synth.BenchmarkGenerator;
import io.fixate.eval.synth.BenchmarkSpec;
import io.fixate.eval.synth.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fixate eval} scores one model several times under row names with their own settings, refuses what names
 * no row or what the model refuses in one line with exit code 2, and reports the granularity benchmark's context
 * frames. The weightless classic-baseline stands in for any model: its centre-bias setting changes its maps.
 */
class EvalCommandTest {

    @TempDir
    static Path root;
    static Path benchmark;

    @BeforeAll
    static void generate() throws IOException {
        benchmark = root.resolve("gran");
        BenchmarkGenerator.generate(benchmark, BenchmarkSpec.GRANULARITY_TINY, false, ProgressListener.NONE);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run eval(String... args) {
        List<String> line = new ArrayList<>(List.of("eval", "--dataset", benchmark.toString(), "--no-progress",
                "--examples", "0"));
        line.addAll(Arrays.asList(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FixateCli.execute(line.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void twoRowsOfOneModelWithDifferentOptionsAreTwoRows() throws IOException {
        Path out = root.resolve("two-rows");
        Run run = eval("--model", "flat=classic-baseline", "-o", "flat:centre-bias=0",
                "--model", "centred=classic-baseline", "--option", "centred:centre-bias=1", "--out", out.toString());
        assertEquals(ExitCode.OK, run.code(), run.err());
        JsonArray models = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject()
                .getAsJsonArray("models");
        List<String> names = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (JsonElement model : models) {
            names.add(model.getAsJsonObject().get("model").getAsString());
            roles.add(model.getAsJsonObject().get("role").getAsString());
        }
        assertEquals(List.of("flat", "centred", "classic-baseline", "centre-bias", "uniform"), names);
        assertEquals(List.of("model", "model", "baseline", "baseline", "baseline"), roles);
        assertNotEquals(cc(models.get(0)), cc(models.get(1)), "the rows ran with their own settings");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<td>centred</td>"));
        assertTrue(run.out().contains("| model (context frames) | long-term CC |"), run.out());
        JsonObject context = models.get(0).getAsJsonObject().getAsJsonObject("contextFrames");
        assertTrue(context.getAsJsonObject("scenarios").has("short-term"), context::toString);
    }

    @Test
    void anUnnamedRowIsTheModelItselfAsBefore() throws IOException {
        Path out = root.resolve("unnamed");
        Run run = eval("--model", "classic-baseline", "-o", "classic-baseline:grid=32", "--max-videos", "1",
                "--out", out.toString());
        assertEquals(ExitCode.OK, run.code(), run.err());
        JsonArray models = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject()
                .getAsJsonArray("models");
        assertEquals("classic-baseline", models.get(0).getAsJsonObject().get("model").getAsString());
        assertEquals("model", models.get(0).getAsJsonObject().get("role").getAsString());
        assertEquals("centre-bias", models.get(1).getAsJsonObject().get("model").getAsString(),
                "no second classic-baseline when a row is it");
    }

    private static double cc(JsonElement model) {
        return model.getAsJsonObject().getAsJsonObject("dataset").get("CC").getAsDouble();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--model cb=classic-baseline -o other:grid=32 | names row 'other', which no --model gives; rows: cb",
        "--model cb=classic-baseline -o grid=32 | --option must be ROW:KEY=VALUE, got 'grid=32'",
        "--model cb=classic-baseline -o cb:=32 | --option must be ROW:KEY=VALUE",
        "--model cb=classic-baseline -o cb:colour=red | --model cb=classic-baseline: classic-baseline does not "
                + "understand property colour",
        "--model classic-baseline --weights classic-baseline=. | --model classic-baseline: classic-baseline",
        "--model cb=classic-baseline --weights other=. | --weights names other, which is not a --model row",
        "--model cb=classic-baseline --model cb=classic-baseline | row 'cb' is given twice",
        "--model a:b=classic-baseline | --model must be NAME or ROW=NAME",
        "--model uniform=classic-baseline | two entries of the report would be named 'uniform'"})
    void wrongRowsAndRefusedSettingsAreOneLineUsageErrors(String args, String message) {
        Run run = eval(args.split(" "));
        assertEquals(ExitCode.USAGE, run.code(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
