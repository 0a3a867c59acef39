package io.fixate.codec.output;

import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a video of the source frames with their fixation maps drawn over them ({@link HeatmapStyle}), together with
 * the source's original sound. Container, codecs, timing and atomic commit are those of {@link VideoFileWriter}: the
 * file appears at the target only when {@link #close()} or {@link #commit()} succeeds, and an existing file there
 * stays untouched until then. Not thread-safe.
 */
public final class HeatmapVideoWriter implements StagedOutput, AutoCloseable {

    private final VideoFileWriter video;
    private final HeatmapOverlay overlay;

    private HeatmapVideoWriter(VideoFileWriter video, HeatmapStyle style) {
        this.video = video;
        this.overlay = new HeatmapOverlay(style);
    }

    /**
     * Starts a heatmap video; the parameters are those of {@link VideoFileWriter#open}.
     *
     * @param style how maps are drawn
     * @throws InvalidOptionsException if the extension is not .mp4, .mov or .mkv, or a number is out of range
     * @throws IOException             if the target's directory is missing or unwritable, or FFmpeg cannot start the
     *                                 file; the message names the target
     */
    public static HeatmapVideoWriter open(Path target, int width, int height, double frameRate, int audioSampleRate,
                                          int audioChannels, HeatmapStyle style) throws IOException {
        Objects.requireNonNull(style, "style");
        return new HeatmapVideoWriter(VideoFileWriter.open("heatmap video", target, width, height, frameRate, 1,
                audioSampleRate, audioChannels, VideoEncoding.h264()), style);
    }

    /**
     * Starts the heatmap video of a file read by {@link io.fixate.codec.MediaReader}: its frames as displayed
     * (upright), its nominal frame rate, its pixel aspect ratio and its sound.
     *
     * @throws IOException as {@link #open(Path, int, int, double, int, int, HeatmapStyle)}
     */
    public static HeatmapVideoWriter open(Path target, MediaInfo source, HeatmapStyle style) throws IOException {
        return open(target, source, style, VideoEncoding.h264());
    }

    /**
     * As {@link #open(Path, MediaInfo, HeatmapStyle)}, encoded as {@code encoding} says (e.g.
     * {@link VideoEncoding#fastest()}).
     */
    public static HeatmapVideoWriter open(Path target, MediaInfo source, HeatmapStyle style, VideoEncoding encoding)
            throws IOException {
        Objects.requireNonNull(style, "style");
        return new HeatmapVideoWriter(VideoFileWriter.open("heatmap video", target, source.width(),
                source.height(), source.frameRate(), source.pixelAspect(), source.audioSampleRate(),
                source.hasAudio() ? source.audioChannels() : 0, Objects.requireNonNull(encoding, "encoding")),
                style);
    }

    /** The FFmpeg name of the video encoder in use, e.g. {@code libopenh264} or {@code mpeg4}. */
    public String videoCodec() {
        return video.videoCodec();
    }

    /** The bit rate the video encoder targets, in bits per second; known after the file is closed too. */
    public long videoBitRate() {
        return video.videoBitRate();
    }

    /** Adds the original sound; see {@link VideoFileWriter#writeAudio}. */
    public void writeAudio(AudioBlock sourceAudio) throws IOException {
        video.writeAudio(sourceAudio);
    }

    /**
     * Draws {@code map} over {@code frame} and encodes the result. Frames come in presentation order.
     *
     * @throws IllegalStateException    if the writer is closed
     * @throws IllegalArgumentException if the frame's size differs from the one given to {@link #open}
     * @throws IOException              if encoding fails; the file is then aborted
     */
    public void write(VideoFrame frame, FixationMap map) throws IOException {
        video.write(overlay.blend(frame, map));
    }

    @Override
    public void finish() throws IOException {
        video.finish();
    }

    @Override
    public void commit() throws IOException {
        video.commit();
    }

    /** Finishes the file and moves it onto the target; see {@link VideoFileWriter#close()}. */
    @Override
    public void close() throws IOException {
        video.close();
    }

    /** Drops the file: nothing appears at the target. */
    @Override
    public void abort() throws IOException {
        video.abort();
    }
}
