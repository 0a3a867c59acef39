package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.api.AudioRequirement;
import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.ProgressBar;
import io.fixate.cli.option.HeatmapCodec;
import io.fixate.cli.option.PredictorChoice;
import io.fixate.cli.option.TimeConverter;
import io.fixate.codec.FrameSource;
import io.fixate.codec.IsolatedMediaReader;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.ColorMap;
import io.fixate.codec.output.HeatmapStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fixate predict}: fixation maps for a video file, written as heatmap video, map images and/or JSON. */
@Command(name = "predict", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Predict where people look in VIDEO.",
                "Without --heatmap, --maps or --json, writes <name>.heatmap.mp4 and <name>.fixations.json "
                        + "in the current directory."})
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video file with or without sound (anything FFmpeg reads).")
    Path video;

    @Mixin
    PredictorChoice choice;

    @Option(names = "--heatmap", paramLabel = "OUT.mp4",
            description = "Heatmap overlay video, with the original sound.")
    Path heatmap;

    @Option(names = "--maps", paramLabel = "DIR", description = "One grey PNG map per frame (map_000000.png, ...), "
            + "replacing the maps of an earlier run as a whole; a folder with other files is refused.")
    Path maps;

    @Option(names = "--maps-depth", paramLabel = "8|16", defaultValue = "8",
            description = "Bits per pixel of the map images. Default: ${DEFAULT-VALUE}.")
    int mapsDepth;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Per-frame time, peak and top fixations.")
    Path json;

    @Option(names = "--start", paramLabel = "T", converter = TimeConverter.class, defaultValue = "0",
            description = "Start time, seconds or m:ss. Default: the beginning.")
    long startMicros;

    @Option(names = "--duration", paramLabel = "D", converter = TimeConverter.class,
            description = "How much to process, seconds or m:ss. Default: to the end.")
    Long durationMicros;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the model runs. Default: ${DEFAULT-VALUE}.")
    DeviceChoice device;

    @Option(names = "--input-size", paramLabel = "N|WxH", description = "Model input size. Default: the model's own.")
    String inputSize;

    @Option(names = "--colormap", paramLabel = "jet|inferno|gray", defaultValue = "jet",
            description = "Heatmap colours. Default: ${DEFAULT-VALUE}.")
    ColorMap colormap;

    @Option(names = "--opacity", paramLabel = "0..1", defaultValue = "0.5",
            description = "Heatmap opacity where attention is highest. Default: ${DEFAULT-VALUE}.")
    double opacity;

    @Option(names = "--heatmap-codec", paramLabel = "mpeg4|h264", defaultValue = "mpeg4",
            description = "Codec of the heatmap video: mpeg4 (MPEG-4 part 2, the fastest at equal quality; not played "
                    + "by web browsers) or h264 (plays everywhere; about three times the encoding time). "
                    + "Default: ${DEFAULT-VALUE}.")
    HeatmapCodec heatmapCodec;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "5",
            description = "Fixation points per frame in the JSON. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--min-distance", paramLabel = "F", defaultValue = "0.1",
            description = "Minimum distance between JSON fixations, as a fraction of the frame's larger side. "
                    + "Default: ${DEFAULT-VALUE}.")
    double minDistance;

    @Option(names = "--keep-going", description = "When VIDEO is damaged (its data ends before its container says "
            + "it should), write what decoded and warn, instead of failing with exit code 3 and writing nothing.")
    boolean keepGoing;

    @Option(names = "--isolated", description = "Decode VIDEO in a child process, so that a crash of FFmpeg on a "
            + "hostile or badly damaged file is an error (exit code 3) instead of the end of this one. For files from "
            + "untrusted sources; costs a JVM start and a copy of each frame.")
    boolean isolated;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Outputs.Targets targets = targets();
        HeatmapStyle style = new HeatmapStyle(colormap, opacity);
        long startNanos = System.nanoTime();
        int frames;
        String modelName;
        try (FixationPredictor predictor = Fixate.predictor(choice.model(), modelOptions())) {
            modelName = predictor.info().name();
            ReadOptions readOptions = readOptions(predictor.info().capabilities().audio());
            try (FrameSource reader = UnreadableInputException.whileReading(() -> isolated
                    ? IsolatedMediaReader.open(video, readOptions) : MediaReader.open(video, readOptions));
                 Outputs outputs = Outputs.open(targets, reader.info(), video.getFileName().toString(),
                         predictor.info().name(), style, heatmapCodec.encoding(), topK, minDistance)) {
                if (outputs.wantsSourceAudio()) {
                    reader.onSourceAudio(outputs::audio);
                }
                frames = predict(predictor, reader, outputs, err);
                outputs.commit();
                reader.warnings().forEach(w -> err.println("fixate: warning: " + w));
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, "%d frames in %.1f s (%.1f fps) with %s; wrote %s%n", frames, seconds,
                frames / seconds, modelName,
                targets.named().stream().map(Path::toString).collect(Collectors.joining(", ")));
        out.flush();
        return ExitCode.OK;
    }

    /** Streams every frame through a session and hands each map with its frame to the outputs. */
    private int predict(FixationPredictor predictor, FrameSource reader, Outputs outputs, PrintWriter err)
            throws IOException {
        MediaInfo info = reader.info();
        long expected = durationMicros == null ? info.estimatedFrames()
                : Math.min(info.estimatedFrames(), Math.round(durationMicros / 1e6 * info.frameRate()));
        ProgressBar progress = noProgress ? null
                : new ProgressBar(err, "predict", "frames", expected, System.console() != null);
        int written = PredictionLoop.run(predictor, reader, outputs::write, progress,
                "nothing was written (--keep-going writes the frames that decoded)");
        if (written == 0) {
            throw new InvalidOptionsException(String.format(Locale.ROOT,
                    "no frame of %s at or after --start %.2f s (it lasts %.2f s)", video, startMicros / 1e6,
                    info.durationMicros() / 1e6));
        }
        return written;
    }

    private Outputs.Targets targets() {
        BitDepth depth = switch (mapsDepth) {
            case 8 -> BitDepth.EIGHT;
            case 16 -> BitDepth.SIXTEEN;
            default -> throw new InvalidOptionsException("--maps-depth must be 8 or 16, got " + mapsDepth);
        };
        if (heatmap == null && maps == null && json == null) {
            String stem = video.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return new Outputs.Targets(Path.of(stem + ".heatmap.mp4"), null, depth, Path.of(stem + ".fixations.json"));
        }
        return new Outputs.Targets(heatmap, maps, depth, json);
    }

    private ModelOptions modelOptions() {
        ModelOptions.Builder builder = choice.options().device(device);
        if (inputSize != null) {
            String[] parts = inputSize.toLowerCase().split("x", -1);
            try {
                int w = Integer.parseInt(parts[0].trim());
                int h = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : w;
                if (parts.length > 2) {
                    throw new NumberFormatException();
                }
                builder.inputSize(w, h);
            } catch (NumberFormatException e) {
                throw new InvalidOptionsException(
                        "--input-size must be N or WxH, got '" + inputSize + "'");
            }
        }
        return builder.build();
    }

    /** The part of the file chosen with --start and --duration, with the audio the model wants. */
    private ReadOptions readOptions(AudioRequirement audio) {
        ReadOptions options = ReadOptions.of(audio).from(startMicros);
        if (keepGoing) {
            options = options.toleratingDamage();
        }
        if (durationMicros == null) {
            return options;
        }
        if (durationMicros <= 0) {
            throw new InvalidOptionsException("--duration must be longer than 0");
        }
        return options.lasting(durationMicros);
    }
}
