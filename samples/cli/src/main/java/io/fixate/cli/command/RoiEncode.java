package io.fixate.cli.command;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ProgressBar;
import io.fixate.cli.bench.FlickerMeter;
import io.fixate.codec.FrameSource;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.codec.output.VideoEncoding;
import io.fixate.codec.output.VideoFileWriter;
import io.fixate.codec.roi.CodedPicture;
import io.fixate.codec.roi.QpMapper;
import io.fixate.codec.roi.QpOffsets;
import io.fixate.codec.roi.RoiFormat;
import io.fixate.codec.roi.RoiSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One re-encode of a video: decoded, its fixations predicted, turned into per-frame regions of interest and encoded
 * with them; or, without a predictor, the same encode with no regions, the baseline of a comparison. The file
 * appears whole or not at all. Shared by {@code encode} and {@code bench-roi}.
 */
final class RoiEncode {

    /**
     * @param frames     frames encoded
     * @param flicker    how much the offsets changed from frame to frame (nothing measured without regions)
     * @param warnings   problems with the source that did not stop the encode
     */
    record Result(int frames, FlickerMeter flicker, List<String> warnings) {
    }

    private RoiEncode() {
    }

    /**
     * @param predictor the model whose maps place the regions; {@code null} encodes without regions
     * @param withSound whether the source's sound is encoded too (AAC)
     * @param progressTo where a progress bar is drawn; {@code null} for none
     */
    static Result run(Path video, Path out, VideoEncoding encoding, FixationPredictor predictor, RoiSettings settings,
                      boolean withSound, PrintWriter progressTo) throws IOException {
        AudioRequirement audio = predictor != null ? predictor.info().capabilities().audio()
                : AudioRequirement.DEFAULT;
        FlickerMeter flicker = new FlickerMeter();
        try (FrameSource reader = UnreadableInputException.whileReading(() -> MediaReader.open(video,
                ReadOptions.of(audio)))) {
            MediaInfo info = reader.info();
            MediaInfo target = withSound ? info : info.withoutAudio();
            QpMapper mapper = new QpMapper(RoiFormat.FFMPEG_ROI, CodedPicture.upright(info.width(), info.height()),
                    settings);
            ProgressBar progress = progressTo == null ? null : new ProgressBar(progressTo, "encode", "frames",
                    info.estimatedFrames(), System.console() != null);
            VideoFileWriter writer = VideoFileWriter.open(out, target, encoding);
            int frames;
            try {
                if (target.hasAudio()) {
                    // the sound comes on the decoding thread, the pictures on the output thread
                    reader.onSourceAudio(block -> {
                        synchronized (writer) {
                            try {
                                writer.writeAudio(block);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
                }
                frames = predictor != null
                        ? PredictionLoop.run(predictor, reader, (index, frame, map) -> {
                            QpOffsets offsets = mapper.next(map);
                            flicker.add(offsets);
                            synchronized (writer) {
                                writer.write(frame, offsets.regions());
                            }
                        }, progress, "nothing was written")
                        : withoutRegions(reader, writer, progress);
                if (frames == 0) {
                    throw new InvalidOptionsException("no frame decoded from " + video);
                }
                writer.close();
            } catch (RuntimeException | IOException e) {
                writer.abort();
                throw e;
            }
            return new Result(frames, flicker, reader.warnings());
        }
    }

    private static int withoutRegions(FrameSource reader, VideoFileWriter writer, ProgressBar progress)
            throws IOException {
        int frames = 0;
        for (var input = reader.read(); input != null; input = reader.read()) {
            writer.write(input.frame());
            frames++;
            if (progress != null) {
                progress.update(frames);
            }
        }
        if (progress != null) {
            progress.finish();
        }
        return frames;
    }
}
