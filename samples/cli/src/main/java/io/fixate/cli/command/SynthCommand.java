package io.fixate.cli.command;

import io.fixate.api.InvalidOptionsException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.ProgressBar;
import io.fixate.eval.synth.BenchmarkGenerator;
import io.fixate.eval.synth.BenchmarkSpec;
import io.fixate.eval.synth.DocumentationFigures;
import io.fixate.eval.synth.GenerationResult;
import io.fixate.eval.synth.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fixate synth}: writes the seeded procedural audio-visual benchmark, or the figures that document it. */
@Command(name = "synth", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Generate the synthetic audio-visual benchmark (fixate-benchmark/1 layout: mp4 clips, "
                + "ground-truth densities and fixations, AVE annotations and splits) into DIR.",
                "The other options override the preset's values. Running again on the same DIR with the "
                        + "same options keeps the finished clips; see docs/synthetic-benchmark.md."})
public final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Benchmark directory (created if missing).")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "default",
            description = "Starting point of the options: default, tiny, granularity (scenes where only short-, "
                    + "long- or cross-term context tells where people look) or granularity-tiny. "
                    + "Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--categories", paramLabel = "N", description = "Number of categories (2-12).")
    Integer categories;

    @Option(names = "--clips-per-category", paramLabel = "N", description = "Clips per category.")
    Integer clipsPerCategory;

    @Option(names = "--size", paramLabel = "WxH", description = "Frame size in pixels, both even, e.g. 160x120.")
    String size;

    @Option(names = "--fps", paramLabel = "F", description = "Frames per second.")
    Double fps;

    @Option(names = "--seconds", paramLabel = "S", description = "Clip length in whole seconds.")
    Integer seconds;

    @Option(names = "--observers", paramLabel = "N", description = "Simulated observers per frame.")
    Integer observers;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of everything random. Default: the preset's (1).")
    Long seed;

    @Option(names = "--overwrite", description = "Replace the benchmark files in DIR even if they are of other "
            + "options or DIR holds something else (other files are left alone).")
    boolean overwrite;

    @Option(names = "--figures", paramLabel = "DIR",
            description = "Also (or only) write the documentation figures contact-sheet.png, "
                    + "granularity-sheet.png and spectrograms.png into DIR.")
    Path figures;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        if (out == null && figures == null) {
            throw new InvalidOptionsException("synth needs --out DIR for the benchmark or --figures DIR for the "
                    + "documentation figures");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) {
            BenchmarkSpec benchmark = benchmarkSpec();
            stdout.println(summary(generate(benchmark)));
        }
        if (figures != null) {
            List<Path> written = DocumentationFigures.write(figures);
            stdout.println("wrote figures " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        stdout.flush();
        return ExitCode.OK;
    }

    private GenerationResult generate(BenchmarkSpec benchmark) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long frames = (long) benchmark.clipCount() * benchmark.frameCount();
        ProgressBar progress = new ProgressBar(err, "synth", "frames", frames, System.console() != null);
        ProgressListener listener = noProgress ? ProgressListener.NONE : (done, total) -> progress.update(done);
        GenerationResult result = BenchmarkGenerator.generate(out, benchmark, overwrite, listener);
        if (!noProgress) {
            progress.finish();
        }
        return result;
    }

    /** The preset with every option given on the command line applied to it. */
    private BenchmarkSpec benchmarkSpec() {
        BenchmarkSpec benchmark = BenchmarkSpec.preset(preset);
        if (categories != null) {
            benchmark = benchmark.withCategories(categories);
        }
        if (clipsPerCategory != null) {
            benchmark = benchmark.withClipsPerCategory(clipsPerCategory);
        }
        if (size != null) {
            int[] widthHeight = parseSize(size);
            benchmark = benchmark.withSize(widthHeight[0], widthHeight[1]);
        }
        if (fps != null) {
            benchmark = benchmark.withFrameRate(fps);
        }
        if (seconds != null) {
            benchmark = benchmark.withClipSeconds(seconds);
        }
        if (observers != null) {
            benchmark = benchmark.withObservers(observers);
        }
        if (seed != null) {
            benchmark = benchmark.withSeed(seed);
        }
        return benchmark;
    }

    private static int[] parseSize(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                return new int[]{Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new InvalidOptionsException("--size must be WxH, e.g. 128x128, got '" + text + "'");
    }

    private static String summary(GenerationResult result) {
        String kept = result.clipsKept() > 0 ? " (" + result.clipsKept() + " kept from an earlier run)" : "";
        return String.format(Locale.ROOT, "wrote %d clips%s, %d frames, %.1f MB to %s in %.1f s",
                result.clipsWritten(), kept, result.frames(), result.bytes() / 1e6, result.root(),
                result.seconds());
    }
}
