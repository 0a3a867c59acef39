package io.fixate.cli.command;

import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.bench.FfmpegReencode;
import io.fixate.cli.bench.PythonForwardComparison;
import io.fixate.cli.bench.SyntheticInput;
import io.fixate.cli.option.HeatmapCodec;
import io.fixate.cli.option.PredictorChoice;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.codec.output.HeatmapStyle;
import io.fixate.codec.output.HeatmapVideoWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code fixate bench-predict}: end-to-end throughput of a predictor on a clip, decode + predict + heatmap video,
 * with the share of wall time in each, and optionally the STA forward pass in Python's PyTorch next to it.
 */
@Command(name = "bench-predict", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Measure frames per second for VIDEO -> fixation maps -> heatmap video (written to a temporary folder and "
                + "deleted), and the share of wall time spent decoding, predicting and writing.",
        "The predict share is the time inside session.push and flush: the model's preprocessing and forward pass."})
public final class BenchPredictCommand implements Callable<Integer> {

    private static final String STANET = "stanet";
    private static final String STANET_PARAMETERS = "sta.params";
    /** The encoder the Python script builds for either input when the model names none, and its only audio one. */
    private static final String COMPACT_ENCODER = "compact";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", arity = "0..1", description = "Clip to run (a 25 fps clip for the documented "
            + "figures); leave out with --synthetic.")
    Path video;

    @Option(names = "--synthetic", description = "Generate a 640x360 25 fps clip of " + SyntheticInput.SECONDS
            + " s (a scene of the synthetic benchmark: moving shapes, their sounds) and measure that instead of VIDEO.")
    boolean synthetic;

    @Mixin
    PredictorChoice predictor;

    @Option(names = "--heatmap-codec", paramLabel = "mpeg4|h264", defaultValue = "mpeg4",
            description = "Codec of the heatmap video, as predict's option. Default: ${DEFAULT-VALUE}.")
    HeatmapCodec heatmapCodec;

    @Option(names = "--frames", paramLabel = "N", description = "Stop after N frames. Default: the whole clip.")
    Integer frames;

    @Option(names = "--compare-python", description = "Also time the STA net's work per frame in PyTorch through "
            + "Python (encoder on one new frame, decoder on the kept maps of three, as the Java session streams) and "
            + "print the ratio (stanet only).")
    boolean comparePython;

    @Option(names = "--compare-size", paramLabel = "N", description = "Input size of the Python STA net. "
            + "Default: the model's native input size.")
    Integer compareSize;

    @Option(names = "--compare-seconds", paramLabel = "S", defaultValue = "10",
            description = "Minimum time the Python side measures for. Default: ${DEFAULT-VALUE}.")
    double compareSeconds;

    @Option(names = "--ffmpeg", paramLabel = "PATH", defaultValue = "ffmpeg",
            description = "The FFmpeg that decodes and re-encodes the clip with the heatmap's encoder for the ratio. "
                    + "Default: ${DEFAULT-VALUE}.")
    String ffmpeg;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = PythonForwardComparison.DEFAULT_PYTHON,
            description = "Interpreter with torch. Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--python-script", paramLabel = "PATH",
            description = "Another comparison script. Default: the one bundled with fixate.")
    Path pythonScript;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (synthetic == (video != null)) {
            throw new InvalidOptionsException("give either VIDEO or --synthetic");
        }
        if (frames != null && frames <= 0) {
            throw new InvalidOptionsException("--frames must be at least 1, got " + frames);
        }
        if (compareSeconds <= 0) {
            throw new InvalidOptionsException("--compare-seconds must be positive, got " + compareSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("fixate-bench-");
        try {
            Path clip = synthetic ? scratch.resolve("synthetic.mp4") : video;
            if (synthetic) {
                SyntheticInput.footage().write(clip);
            }
            measure(clip, scratch.resolve("heatmap.mp4"), out);
        } finally {
            deleteFolder(scratch);
        }
        return ExitCode.OK;
    }

    private void measure(Path clip, Path heatmapTarget, PrintWriter out) throws IOException, InterruptedException {
        try (FixationPredictor opened = predictor.open()) {
            ReadOptions options = ReadOptions.of(opened.info().capabilities().audio());
            PredictionLoop.StageTimes times = new PredictionLoop.StageTimes();
            long start = System.nanoTime();
            Heatmap heatmap;
            MediaInfo info;
            try (MediaReader reader = UnreadableInputException.whileReading(() -> MediaReader.open(clip, options))) {
                info = reader.info();
                heatmap = run(opened, reader, heatmapTarget, times);
            }
            int maps = heatmap.frames();
            if (maps == 0) {
                throw new InvalidOptionsException(clip + " has no frame to measure");
            }
            long wall = System.nanoTime() - start;
            printFigures(out, clip, info, opened, maps, wall, times);
            OptionalDouble floor = FfmpegReencode.framesPerSecond(ffmpeg, clip, maps, heatmap.codec(),
                    heatmap.bitRate(), out);
            if (floor.isPresent()) {
                out.printf(Locale.ROOT, "ratio to ffmpeg: %.2f (fixate's fps end to end / ffmpeg's decode + "
                        + "re-encode fps; 1 would mean the model costs nothing)%n", maps / (wall / 1e9)
                        / floor.getAsDouble());
            }
            if (comparePython) {
                compareWithPython(out, opened, times.predict / 1e6 / maps);
            }
        }
    }

    /** The heatmap video a run wrote: its frames, encoder and bit rate. */
    private record Heatmap(int frames, String codec, long bitRate) {
    }

    /**
     * Streams the clip through the pipeline of {@code predict} into a heatmap video, timing each stage; returns the
     * maps written.
     */
    private Heatmap run(FixationPredictor opened, MediaReader reader, Path heatmapTarget,
                        PredictionLoop.StageTimes times) throws IOException {
        MediaInfo info = reader.info();
        HeatmapVideoWriter heatmap = HeatmapVideoWriter.open(heatmapTarget, info.withoutAudio(), HeatmapStyle.DEFAULT,
                heatmapCodec.encoding());
        try {
            int written = PredictionLoop.run(opened, reader, (index, frame, map) -> heatmap.write(frame, map), null,
                    "the clip is damaged", frames == null ? Long.MAX_VALUE : frames, times);
            long closeStart = System.nanoTime();
            heatmap.close();
            times.output += System.nanoTime() - closeStart;
            return new Heatmap(written, heatmap.videoCodec(), heatmap.videoBitRate());
        } catch (IOException | RuntimeException e) {
            heatmap.abort();
            throw e;
        }
    }

    private void printFigures(PrintWriter out, Path clip, MediaInfo info, FixationPredictor opened, int maps,
                              long wall, PredictionLoop.StageTimes times) {
        int inputSize = opened.info().capabilities().nativeInputWidth();
        out.printf(Locale.ROOT, "clip: %s, %dx%d at %.2f fps%n", clip.getFileName(), info.width(), info.height(),
                info.frameRate());
        out.printf(Locale.ROOT, "model: %s, input %s, %d cores, model threads %s%n", opened.info().name(),
                inputSize > 0 ? inputSize + "x" + opened.info().capabilities().nativeInputHeight() : "frame size",
                Runtime.getRuntime().availableProcessors(), opened.threads() > 0 ? opened.threads() : "none");
        out.printf(Locale.ROOT, "%d frames in %.2f s = %.1f fps end to end (model loading not counted)%n", maps,
                wall / 1e9, maps / (wall / 1e9));
        out.println("stages run in their own threads at once; each one's busy time, as a share of the wall time:");
        printShare(out, "decode", times.decode, wall, maps, "MediaReader: frame + audio window");
        printShare(out, "predict", times.predict, wall, maps, "session.push + flush: preprocessing + forward");
        printShare(out, "output", times.output, wall, maps, "heatmap overlay + video encoding");
        out.flush();
    }

    private static void printShare(PrintWriter out, String stage, long nanos, long wall, int maps, String what) {
        out.printf(Locale.ROOT, "  %-8s %5.1f %%  %7.2f ms/frame  (%s)%n", stage, 100.0 * nanos / wall,
                nanos / 1e6 / maps, what);
    }

    private void compareWithPython(PrintWriter out, FixationPredictor opened, double javaMillisPerFrame)
            throws IOException, InterruptedException {
        int size = compareSize != null ? compareSize : opened.info().capabilities().nativeInputWidth();
        if (size <= 0) {
            out.println("python comparison: " + opened.info().name() + " has no native input size; give "
                    + "--compare-size N");
            return;
        }
        boolean sameNet = STANET.equals(opened.info().name());
        // The script rebuilds stanet with the encoders its weights name; for another model, the compact net.
        Map<String, String> encoders = sameNet ? opened.encoders() : Map.of();
        String visual = encoders.getOrDefault("visual", COMPACT_ENCODER);
        String audio = encoders.getOrDefault("audio", COMPACT_ENCODER);
        if (!COMPACT_ENCODER.equals(audio)) {
            out.println("python comparison: no comparison: the script builds only the compact audio encoder and these"
                    + " weights use '" + audio + "'");
            return;
        }
        Path weights = predictor.weights();
        Path parameters = sameNet && weights != null ? weights.resolve(STANET_PARAMETERS) : null;
        // The same thread count on both sides; a model without an engine compares with one thread.
        int threads = Math.max(1, opened.threads());
        out.printf(Locale.ROOT, "python comparison: STA net (visual encoder %s, audio encoder %s) at %dx%d, %d threads,"
                + " per frame: encoder on one new frame + decoder on the kept maps of three%n", visual, audio, size,
                size, threads);
        OptionalDouble pythonMillis = PythonForwardComparison.run(python, pythonScript,
                new PythonForwardComparison.Setup(size, visual, threads, compareSeconds), parameters, out);
        if (pythonMillis.isEmpty()) {
            return;
        }
        if (!sameNet) {
            out.println("no ratio: " + opened.info().name() + " is not the STA net; measure --model stanet for it");
            return;
        }
        out.printf(Locale.ROOT, "ratio: %.2f (Java predict ms/frame %.2f, incl. preprocessing and the map's blur and"
                + " resize / PyTorch ms per frame %.2f, encoder + decoder only; above 1 means Java is slower)%n",
                javaMillisPerFrame / pythonMillis.getAsDouble(), javaMillisPerFrame, pythonMillis.getAsDouble());
        out.flush();
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(entry);
            }
        }
        Files.delete(folder);
    }
}
