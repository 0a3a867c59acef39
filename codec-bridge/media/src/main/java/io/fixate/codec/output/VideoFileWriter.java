package io.fixate.codec.output;

import io.fixate.api.AudioBlock;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.VideoFrame;
import io.fixate.api.files.AtomicFile;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.roi.RoiRegion;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes frames and sound to a video file: what {@link HeatmapVideoWriter} uses for its overlays, and what tools use
 * to write generated clips.
 *
 * <p>The container follows the target's extension: {@code .mp4}, {@code .mov} or {@code .mkv}. Video is H.264 when
 * the FFmpeg build has an H.264 encoder (the bundled LGPL build has OpenH264), MPEG-4 part 2 otherwise; sound is AAC
 * at the source's channel count and, where AAC allows it, its sample rate. Odd frame sizes are padded to even ones
 * by repeating the last column or row, as YUV 4:2:0 requires, and sides under 16 pixels are padded to 16, the
 * smallest picture H.264 encoders accept.
 *
 * <p>Timing follows the timestamps: frames are placed on the grid of the nominal frame rate nearest to their own
 * timestamps and the sound is spliced to its blocks' timestamps (both measured from the start of the source), so a
 * variable frame rate or gaps keep picture and sound in sync.
 *
 * <p>The file appears at the target only when {@link #close()} or {@link #commit()} succeeds; until then it is a
 * hidden temporary file beside it (see {@link AtomicFile}), and an existing file at the target stays untouched. A
 * failed write aborts the whole file. Call {@link #abort()} on error paths of your own. Not thread-safe.
 */
public final class VideoFileWriter extends AtomicOutput {

    /** Slowest nominal frame rate accepted: one frame in 1000 s. */
    public static final double MIN_FRAME_RATE = 0.001;
    /** Fastest nominal frame rate accepted. */
    public static final double MAX_FRAME_RATE = 1000;

    private final Path target;
    private final MediaMuxer muxer;
    private final int width;
    private final int height;
    private final int audioSampleRate;
    private final int audioChannels;
    private final AudioTimeline audioTimeline;
    private VideoEncoder video;
    private AacEncoder audio;

    private VideoFileWriter(String description, Path target, AtomicFile file, MediaMuxer muxer, int width,
                            int height, int audioSampleRate, int audioChannels) {
        super(description + " " + target, file);
        this.target = target;
        this.muxer = muxer;
        this.width = width;
        this.height = height;
        this.audioSampleRate = audioSampleRate;
        this.audioChannels = audioChannels;
        this.audioTimeline = new AudioTimeline(audioSampleRate);
    }

    /**
     * Starts a video file.
     *
     * @param target          the file to write; its extension picks the container
     * @param width           frame width in pixels
     * @param height          frame height in pixels
     * @param frameRate       nominal frames per second of the source, in [{@value #MIN_FRAME_RATE},
     *                        {@value #MAX_FRAME_RATE}]
     * @param audioSampleRate sample rate of the source's sound (ignored without audio)
     * @param audioChannels   channels of the source's sound; 0 = no audio track
     * @throws InvalidOptionsException if the extension is not .mp4, .mov or .mkv, or a number is out of range
     * @throws IOException             if the target's directory is missing or unwritable, or FFmpeg cannot start the
     *                                 file; the message names the target
     */
    public static VideoFileWriter open(Path target, int width, int height, double frameRate, int audioSampleRate,
                                       int audioChannels) throws IOException {
        return open("video", target, width, height, frameRate, 1, audioSampleRate, audioChannels,
                VideoEncoding.h264());
    }

    /**
     * Starts a re-encoding of a file read by {@link io.fixate.codec.MediaReader}: its frames as displayed (upright),
     * its nominal frame rate, its pixel aspect ratio and its sound, the picture encoded as {@code encoding} says.
     *
     * @throws IOException as {@link #open(Path, int, int, double, int, int)}
     */
    public static VideoFileWriter open(Path target, MediaInfo source, VideoEncoding encoding) throws IOException {
        return open("video", target, source.width(), source.height(), source.frameRate(), source.pixelAspect(),
                source.audioSampleRate(), source.hasAudio() ? source.audioChannels() : 0,
                Objects.requireNonNull(encoding, "encoding"));
    }

    /**
     * As {@link #open(Path, int, int, double, int, int)}, with {@code description} naming the file in messages and
     * pixels {@code pixelAspect} times as wide as high (recorded in the file, so players show anamorphic video at
     * its proper shape).
     */
    static VideoFileWriter open(String description, Path target, int width, int height, double frameRate,
                                double pixelAspect, int audioSampleRate, int audioChannels, VideoEncoding encoding)
            throws IOException {
        Container container = Container.of(Objects.requireNonNull(target, "target"));
        requireOptions(description, target, width, height, frameRate, audioSampleRate, audioChannels);
        AtomicFile file = AtomicFile.open(target);
        MediaMuxer muxer;
        try {
            muxer = MediaMuxer.open(file.temporary(), container.muxerName());
        } catch (IOException e) {
            file.abort();
            throw new IOException("cannot write " + description + " " + target + ": " + e.getMessage(), e);
        }
        VideoFileWriter writer = new VideoFileWriter(description, target, file, muxer, width, height,
                audioSampleRate, audioChannels);
        try {
            writer.video = VideoEncoder.open(muxer, width, height, frameRate, pixelAspect, encoding);
            if (audioChannels > 0) {
                writer.audio = AacEncoder.open(muxer, audioSampleRate, audioChannels);
            }
            muxer.writeHeader();
        } catch (IOException e) {
            throw writer.fail(e);
        }
        return writer;
    }

    private static void requireOptions(String description, Path target, int width, int height, double frameRate,
                                       int audioSampleRate, int audioChannels) {
        String problem = null;
        if (width <= 0 || height <= 0) {
            problem = "frame size must be positive, got " + width + "x" + height;
        } else if (!(frameRate >= MIN_FRAME_RATE && frameRate <= MAX_FRAME_RATE)) {
            problem = "frame rate must be in [" + MIN_FRAME_RATE + ", " + MAX_FRAME_RATE + "], got " + frameRate;
        } else if (audioChannels < 0) {
            problem = "audio channel count must not be negative, got " + audioChannels;
        } else if (audioChannels > 0 && audioSampleRate <= 0) {
            problem = "audio sample rate must be positive, got " + audioSampleRate;
        }
        if (problem != null) {
            throw new InvalidOptionsException("cannot write a " + description + " to " + target + ": " + problem);
        }
    }

    /** The FFmpeg name of the video encoder in use, e.g. {@code libopenh264} or {@code mpeg4}. */
    public String videoCodec() {
        return video.codecName();
    }

    /** The bit rate the video encoder targets, in bits per second; known after the file is closed too. */
    public long videoBitRate() {
        return video.bitRate();
    }

    /**
     * Adds the original sound, at the sample rate and channel count given to {@link #open}. Blocks come in time order
     * and may run ahead of the frames.
     *
     * @throws IllegalStateException    if the video has no audio track, or the writer is closed
     * @throws IllegalArgumentException if the block's format differs from the one given to {@link #open}
     * @throws IOException              if encoding fails; the file is then aborted
     */
    public void writeAudio(AudioBlock sourceAudio) throws IOException {
        requireOpen();
        if (audio == null) {
            throw new IllegalStateException(target + " was opened without an audio track");
        }
        if (sourceAudio.sampleRate() != audioSampleRate || sourceAudio.channels() != audioChannels) {
            throw new IllegalArgumentException(target + " takes audio at " + audioSampleRate
                    + " Hz with " + audioChannels + " channels, got " + sourceAudio);
        }
        long offset = audioTimeline.offsetOf(sourceAudio.timestampMicros());
        int skipped = (int) Math.min(sourceAudio.frameCount(), Math.max(0, -offset));
        long kept = sourceAudio.frameCount() - skipped;
        try {
            if (offset > 0) {
                audio.encodeSilence(offset);
                audioTimeline.advance(offset);
            }
            FloatBuffer samples = sourceAudio.interleaved().position(skipped * audioChannels);
            audio.encode(samples, kept);
            audioTimeline.advance(kept);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /**
     * Encodes a frame. Frames come in presentation order.
     *
     * @throws IllegalStateException    if the writer is closed
     * @throws IllegalArgumentException if the frame's size differs from the one given to {@link #open}
     * @throws IOException              if encoding fails; the file is then aborted
     */
    public void write(VideoFrame frame) throws IOException {
        write(frame, List.of());
    }

    /**
     * Encodes a frame with regions of interest (in pixels of the frame, most important first), which reach the
     * encoder as {@code AVRegionOfInterest} side data when the writer's {@link VideoEncoding} reads them.
     *
     * @throws IllegalStateException    if the writer is closed, or regions come for an encoding that ignores them
     * @throws IllegalArgumentException if the frame's size differs from the one given to {@link #open}
     * @throws IOException              if encoding fails; the file is then aborted
     */
    public void write(VideoFrame frame, List<RoiRegion> regions) throws IOException {
        if (!regions.isEmpty() && !video.readsRegions()) {
            throw new IllegalStateException(target + " is encoded with " + video.codecName()
                    + ", which ignores regions of interest");
        }
        requireOpen();
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException(target + " is " + width + "x" + height
                    + ", got a frame of " + frame.width() + "x" + frame.height());
        }
        try {
            video.encode(frame.rgb(), frame.timestampMicros(), regions);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    void finishContent() throws IOException {
        video.finish();
        if (audio != null) {
            audio.finish();
        }
        muxer.writeTrailer();
    }

    @Override
    void release() {
        if (video != null) {
            video.close();
        }
        if (audio != null) {
            audio.close();
        }
        muxer.close();
    }
}
