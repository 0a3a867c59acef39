package io.fixate.cli.command;

import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.ProgressBar;
import io.fixate.cli.bench.FlickerMeter;
import io.fixate.cli.option.PredictorChoice;
import io.fixate.cli.option.RoiOptions;
import io.fixate.codec.FrameSource;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.codec.roi.CodedPicture;
import io.fixate.codec.roi.QpMapper;
import io.fixate.codec.roi.QpOffsets;
import io.fixate.codec.roi.RoiFormat;
import io.fixate.codec.roi.RoiSettings;
import io.fixate.codec.roi.RoiWriter;
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

/** {@code fixate roi}: per-block encoder QP offsets from the predicted fixations of a video, in an encoder's format. */
@Command(name = "roi", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Write the ROI/QP map an encoder reads for VIDEO: negative QP offsets (more bits) where people "
                + "are predicted to look, positive elsewhere.",
                "Formats: svt-av1 (--roi-map-file text), x264 and x265 (quant_offsets floats + OUT.json index), nvenc "
                        + "(qpDeltaMap int8 + OUT.json; --block 16 H.264, 32 HEVC, 64 AV1), kvazaar and kvazaar-bin "
                        + "(--roi), ffmpeg-roi (AVRegionOfInterest JSON), gstreamer-roi (ROI meta JSON), json."})
public final class RoiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video file with or without sound (anything FFmpeg reads).")
    Path video;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "The encoder's format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The map file; it appears complete or not at all.")
    Path out;

    @Mixin
    PredictorChoice choice;

    @Mixin
    RoiOptions roi;

    @Option(names = "--picture", paramLabel = "stored|displayed", defaultValue = "stored",
            description = "The picture the encoder codes: 'stored' as in VIDEO (a rotated phone clip stays sideways, "
                    + "as when transcoding keeps the rotation flag), or 'displayed' (upright, as after FFmpeg's "
                    + "default auto-rotation). Default: ${DEFAULT-VALUE}.")
    String picture;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RoiFormat roiFormat = RoiFormat.of(format);
        RoiSettings settings = roi.settings();
        long startNanos = System.nanoTime();
        FlickerMeter flicker = new FlickerMeter();
        int frames;
        QpMapper mapper;
        try (FixationPredictor predictor = choice.open();
             FrameSource reader = UnreadableInputException.whileReading(() -> MediaReader.open(video,
                     ReadOptions.of(predictor.info().capabilities().audio())))) {
            mapper = new QpMapper(roiFormat, codedPicture(reader.info(), picture), settings);
            ProgressBar progress = noProgress ? null : new ProgressBar(err, "roi", "frames",
                    reader.info().estimatedFrames(), System.console() != null);
            RoiWriter writer = RoiWriter.open(mapper, out);
            try {
                frames = PredictionLoop.run(predictor, reader, (index, frame, map) -> {
                    QpOffsets offsets = mapper.next(map);
                    flicker.add(offsets);
                    writer.write(offsets);
                }, progress, "nothing was written");
                if (frames == 0) {
                    throw new InvalidOptionsException("no frame decoded from " + video);
                }
                writer.close();
            } catch (RuntimeException | IOException e) {
                writer.abort();
                throw e;
            }
            reader.warnings().forEach(w -> err.println("fixate: warning: " + w));
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d frames in %.1f s: %s map of %dx%d blocks of %d px; offsets changed %.3f QP "
                        + "per block between frames on average (largest %.2f); wrote %s%n", frames, seconds,
                roiFormat.id(), mapper.columns(), mapper.rows(), mapper.blockSize(), flicker.meanChange(),
                flicker.largestChange(), out);
        stdout.flush();
        return ExitCode.OK;
    }

    /**
     * The picture the encoder codes: {@code stored}, as in the file (a sideways picture shown turned), or
     * {@code displayed}, upright as the reader delivers it.
     */
    static CodedPicture codedPicture(MediaInfo info, String picture) {
        return switch (picture) {
            case "displayed" -> CodedPicture.upright(info.width(), info.height());
            case "stored" -> {
                boolean sideways = info.rotation() % 180 != 0;
                yield new CodedPicture(sideways ? info.height() : info.width(),
                        sideways ? info.width() : info.height(), info.rotation(), info.mirrored());
            }
            default -> throw new InvalidOptionsException("--picture must be stored or displayed, got " + picture);
        };
    }
}
