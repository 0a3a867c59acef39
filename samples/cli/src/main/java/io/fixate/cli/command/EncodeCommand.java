package io.fixate.cli.command;

import io.fixate.api.FixationPredictor;
import io.fixate.cli.ExitCode;
import io.fixate.cli.option.EncodeOptions;
import io.fixate.cli.option.PredictorChoice;
import io.fixate.cli.option.RoiOptions;
import io.fixate.codec.output.VideoEncoding;
import io.fixate.codec.roi.RoiSettings;
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
import java.util.concurrent.Callable;

/** {@code fixate encode}: a saliency-aware encode, with the predicted fixations as per-frame regions of interest. */
@Command(name = "encode", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Encode VIDEO at a constant bit rate, spending more bits where people are predicted to look "
                + "(per-frame regions of interest read by the encoder).",
                "The bundled FFmpeg is the LGPL build: vp9 (libvpx) reads regions; its H.264 encoder (OpenH264) does "
                        + "not, so it is refused. x264/x265 need a GPL build of FFmpeg."})
public final class EncodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video file with or without sound (anything FFmpeg reads).")
    Path video;

    @Option(names = "--out", paramLabel = "OUT", required = true,
            description = "The encoded video (.mp4, .mov or .mkv); it appears complete or not at all.")
    Path out;

    @Mixin
    EncodeOptions encode;

    @Mixin
    PredictorChoice choice;

    @Mixin
    RoiOptions roi;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        VideoEncoding encoding = encode.encoding();
        RoiSettings settings = roi.settings();
        // --strength 0 encodes without regions, with the same encoder settings: the baseline of a comparison
        boolean withRegions = settings.strength() > 0;
        long startNanos = System.nanoTime();
        RoiEncode.Result result;
        try (FixationPredictor predictor = withRegions ? choice.open() : null) {
            result = RoiEncode.run(video, out, encoding, predictor, settings, true, noProgress ? null : err);
        }
        result.warnings().forEach(w -> err.println("fixate: warning: " + w));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d frames in %.1f s with %s at %s b/s, %s; wrote %s (%d bytes)%n",
                result.frames(), seconds, encoding.encoders().get(0), encode.bitrate(), withRegions
                        ? String.format(Locale.ROOT, "regions of interest from %s (offsets changed %.3f QP per block "
                        + "between frames on average)", choice.model(), result.flicker().meanChange())
                        : "no regions of interest", out, Files.size(out));
        stdout.flush();
        return ExitCode.OK;
    }
}
