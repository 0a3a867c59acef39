package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.VideoFrame;
import io.fixate.cli.ExitCode;
import io.fixate.cli.bench.GroundTruthMaps;
import io.fixate.cli.bench.PictureQuality;
import io.fixate.cli.option.EncodeOptions;
import io.fixate.cli.option.PredictorChoice;
import io.fixate.cli.option.RoiOptions;
import io.fixate.codec.FrameSource;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.codec.output.VideoEncoding;
import io.fixate.codec.roi.RoiFormat;
import io.fixate.codec.roi.RoiSettings;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.dataset.VideoEntry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fixate bench-roi}: whether spending bits where people look pays. Each clip is encoded twice at the same
 * constant bit rate with the same encoder settings, without and with the regions of interest of the model's maps,
 * and both are scored against the source over the whole frame and where people look: weighted by a density the
 * encoder never saw (the benchmark's ground truth, or another model's maps on other clips).
 */
@Command(name = "bench-roi", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Encode clips at one bit rate without and with regions of interest and compare quality over "
                + "the whole frame, weighted by attention, and in the top 20 % of attention.",
                "INPUT is a benchmark folder (its clips of --split, weighted by their ground truth) or video files "
                        + "(weighted by the maps of --density-model, which must differ from --model)."})
public final class BenchRoiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "A benchmark folder, or video files.")
    List<Path> inputs;

    @Mixin
    EncodeOptions encode;

    @Mixin
    PredictorChoice choice;

    @Mixin
    RoiOptions roi;

    @Option(names = "--density-model", paramLabel = "NAME",
            description = "The model whose maps weight the scores of video files (not of a benchmark).")
    String densityModel;

    @Option(names = "--oracle", description = "Take the regions from the benchmark's ground truth instead of --model: "
            + "the most any model's maps could gain with this encoder and these settings.")
    boolean oracle;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test",
            description = "The benchmark split to encode. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--clips", paramLabel = "N", defaultValue = "0", description = "Encode at most N clips; 0 = all.")
    int maxClips;

    @Option(names = "--work", paramLabel = "DIR", required = true, description = "Where the encodes are written.")
    Path work;

    private static final double RATE_TOLERANCE_PERCENT = 1.5;
    private static final int RATE_RETRIES = 2;

    /** One clip to encode and where its attention density comes from. */
    private record Clip(String id, Path video, VideoEntry entry) {
    }

    /** The scores of one clip's two encodes. */
    private record Row(String id, double plainKbps, double roiKbps, PictureQuality.Scores plain,
                       PictureQuality.Scores withRegions, double flicker) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VideoEncoding encoding = encode.encoding();
        RoiSettings settings = roi.settings();
        if (!(settings.strength() > 0)) {
            throw new InvalidOptionsException("--strength must be above 0: the benchmark compares regions with none");
        }
        List<Clip> clips = clips();
        Files.createDirectories(work);
        List<Row> rows = new ArrayList<>();
        try (FixationPredictor model = oracle ? null : choice.open();
             FixationPredictor densityMaps = densityModel == null ? null
                     : Fixate.predictor(densityModel, ModelOptions.builder().build())) {
            for (Clip clip : clips) {
                err.printf(Locale.ROOT, "bench-roi: %s (%d of %d)%n", clip.id(), rows.size() + 1, clips.size());
                err.flush();
                FixationPredictor density = densityMaps != null ? densityMaps : groundTruth(clip);
                Path plain = work.resolve(clip.id() + ".plain.mp4");
                Path favoured = work.resolve(clip.id() + ".roi.mp4");
                RoiEncode.run(clip.video(), plain, encoding, null, settings, false, null);
                RoiEncode.Result result = encodeAtTheSameRate(clip, plain, favoured, encoding,
                        oracle ? groundTruth(clip) : model, settings);
                rows.add(score(clip, plain, favoured, density, result));
            }
        }
        print(out, rows, encoding, settings);
        return ExitCode.OK;
    }

    private List<Clip> clips() {
        List<Clip> clips = new ArrayList<>();
        boolean benchmark = inputs.size() == 1 && Files.isDirectory(inputs.get(0));
        if (benchmark) {
            EvalDataset dataset = Datasets.openBenchmark(inputs.get(0));
            for (VideoEntry entry : dataset.split(split)) {
                clips.add(new Clip(entry.id(), entry.location(), entry));
            }
        } else {
            if (oracle) {
                throw new InvalidOptionsException("--oracle needs a benchmark folder, whose ground truth it uses");
            }
            if (densityModel == null || densityModel.equals(choice.model())) {
                throw new InvalidOptionsException("video files need --density-model naming another model than "
                        + choice.model() + ": a density the encoder saw would flatter it");
            }
            for (Path video : inputs) {
                clips.add(new Clip(video.getFileName().toString().replaceFirst("\\.[^.]*$", ""), video, null));
            }
        }
        return maxClips > 0 && clips.size() > maxClips ? clips.subList(0, maxClips) : clips;
    }

    /**
     * Encodes with regions and, while the file's size is off the plain one's by more than
     * {@value #RATE_TOLERANCE_PERCENT} %, again at a target scaled by their ratio (libvpx's CBR drifts by a few per
     * cent over a short clip, and differently with regions); at most {@value #RATE_RETRIES} times.
     */
    private static RoiEncode.Result encodeAtTheSameRate(Clip clip, Path plain, Path favoured, VideoEncoding encoding,
                                                        FixationPredictor regions, RoiSettings settings)
            throws IOException {
        long target = encoding.bitRate();
        RoiEncode.Result result = RoiEncode.run(clip.video(), favoured, encoding, regions, settings, false, null);
        for (int retry = 0; retry < RATE_RETRIES; retry++) {
            double ratio = (double) Files.size(favoured) / Files.size(plain);
            if (Math.abs(ratio - 1) * 100 <= RATE_TOLERANCE_PERCENT) {
                break;
            }
            target = Math.round(target / ratio);
            VideoEncoding adjusted = new VideoEncoding(encoding.encoders(), target, encoding.options(),
                    encoding.keyframeEvery(), encoding.roiQpRange());
            result = RoiEncode.run(clip.video(), favoured, adjusted, regions, settings, false, null);
        }
        return result;
    }

    /** A benchmark clip's ground truth, as maps. */
    private static FixationPredictor groundTruth(Clip clip) {
        return new GroundTruthMaps(clip.entry().groundTruth().orElseThrow(() -> new InvalidOptionsException(
                clip.id() + " has no ground truth")), clip.id());
    }

    /** Decodes the source and both encodes in step and scores them, weighted by {@code density}'s maps. */
    private static Row score(Clip clip, Path plain, Path favoured, FixationPredictor density,
                             RoiEncode.Result result) throws IOException {
        try (FrameSource source = MediaReader.open(clip.video(),
                     ReadOptions.of(density.info().capabilities().audio()));
             FrameSource plainFrames = MediaReader.open(plain, ReadOptions.of(AudioRequirement.DEFAULT));
             FrameSource roiFrames = MediaReader.open(favoured, ReadOptions.of(AudioRequirement.DEFAULT))) {
            MediaInfo info = source.info();
            int width = info.width();
            int height = info.height();
            PictureQuality plainQuality = new PictureQuality(width, height);
            PictureQuality roiQuality = new PictureQuality(width, height);
            int frames = PredictionLoop.run(density, source, (index, frame, map) -> {
                byte[] reference = luma(frame);
                float[] weights = map.resized(width, height).toArray();
                plainQuality.add(reference, luma(next(plainFrames, plain)), weights);
                roiQuality.add(reference, luma(next(roiFrames, favoured)), weights);
            }, null, "the clip is damaged");
            double seconds = frames / info.frameRate();
            return new Row(clip.id(), kilobitsPerSecond(plain, seconds), kilobitsPerSecond(favoured, seconds),
                    plainQuality.scores(), roiQuality.scores(), result.flicker().meanChange());
        }
    }

    private static VideoFrame next(FrameSource encoded, Path file) {
        FrameWithAudio frame = encoded.read();
        if (frame == null) {
            throw new IllegalStateException(file + " has fewer frames than its source");
        }
        return frame.frame();
    }

    /** BT.601 luma of a frame's packed RGB. */
    private static byte[] luma(VideoFrame frame) {
        byte[] rgb = frame.copyRgb();
        byte[] y = new byte[frame.width() * frame.height()];
        for (int i = 0; i < y.length; i++) {
            int r = rgb[3 * i] & 0xFF;
            int g = rgb[3 * i + 1] & 0xFF;
            int b = rgb[3 * i + 2] & 0xFF;
            y[i] = (byte) ((77 * r + 150 * g + 29 * b + 128) >> 8);
        }
        return y;
    }

    private static double kilobitsPerSecond(Path file, double seconds) throws IOException {
        return Files.size(file) * 8 / seconds / 1000;
    }

    private void print(PrintWriter out, List<Row> rows, VideoEncoding encoding, RoiSettings settings) {
        out.printf(Locale.ROOT, "%s at %s b/s CBR, regions from %s (strength %.1f, %s pooling, %d px blocks, "
                        + "%.0f ms smoothing), weighted by %s%n%n", encoding.encoders().get(0), encode.bitrate(),
                oracle ? "the ground truth (oracle)" : choice.model(), settings.strength(), settings.pooling(),
                settings.blockSize() == 0 ? RoiFormat.FFMPEG_ROI.blockSizes()[0] : settings.blockSize(),
                settings.smoothingMillis(),
                densityModel == null ? "the ground truth" : "the maps of " + densityModel);
        out.println("| clip | kb/s none → ROI | PSNR | SSIM | weighted PSNR | weighted SSIM | top-20 % PSNR "
                + "| top-20 % SSIM | offset change/frame (QP) |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        double[] sums = new double[9];
        for (Row row : rows) {
            double[] values = {row.plainKbps(), row.roiKbps(), row.withRegions().psnr() - row.plain().psnr(),
                    row.withRegions().ssim() - row.plain().ssim(),
                    row.withRegions().weightedPsnr() - row.plain().weightedPsnr(),
                    row.withRegions().weightedSsim() - row.plain().weightedSsim(),
                    row.withRegions().topPsnr() - row.plain().topPsnr(),
                    row.withRegions().topSsim() - row.plain().topSsim(), row.flicker()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i];
            }
            out.printf(Locale.ROOT, "| %s | %.0f → %.0f | %.2f → %.2f | %.4f → %.4f | %.2f → %.2f | %.4f → %.4f "
                            + "| %.2f → %.2f | %.4f → %.4f | %.3f |%n", row.id(), values[0], values[1],
                    row.plain().psnr(), row.withRegions().psnr(), row.plain().ssim(), row.withRegions().ssim(),
                    row.plain().weightedPsnr(), row.withRegions().weightedPsnr(), row.plain().weightedSsim(),
                    row.withRegions().weightedSsim(), row.plain().topPsnr(), row.withRegions().topPsnr(),
                    row.plain().topSsim(), row.withRegions().topSsim(), row.flicker());
        }
        int n = rows.size();
        out.printf(Locale.ROOT, "| **mean of %d (ROI − none)** | %.0f → %.0f (%+.1f %%) | %+.2f dB | %+.4f | %+.2f dB "
                        + "| %+.4f | %+.2f dB | %+.4f | %.3f |%n", n, sums[0] / n, sums[1] / n,
                100 * (sums[1] / sums[0] - 1), sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n, sums[6] / n,
                sums[7] / n, sums[8] / n);
        out.flush();
    }
}
