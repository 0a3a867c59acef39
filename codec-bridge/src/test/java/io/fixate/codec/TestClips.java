package io.fixate.codec;

import io.fixate.codec.internal.Ffmpeg;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP2;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * Writes small test clips with JavaCV's recorder: a red square moving two pixels per frame across a blue background
 * (so a frame's index can be read back from its pixels and a red/blue swap shows), and a sine tone of the same
 * amplitude on every channel. Defaults: 64x48, 25 fps, 50 frames, 440 Hz at 44.1 kHz stereo, MPEG-4 video and PCM
 * audio (exact timing) in QuickTime with its index at the front ({@code movflags=faststart}), so that a cut file still
 * opens and declares its full duration.
 *
 * <p>Two limits of JavaCV's recorder shape these clips: it rounds frame sizes up to even numbers (65x49 becomes 66x50,
 * 1x1 becomes 2x2), so odd sizes are written as Y4M by {@link #y4m}; and in Matroska it writes audio packet durations
 * in the wrong time base, inflating the declared duration (2 s of video with PCM declares 5.95 s), so Matroska is
 * avoided.
 *
 * <p>Public so that tests of every package of the module can use it.
 */
public final class TestClips {

    public static final int[] BACKGROUND = {30, 60, 200};
    public static final int[] SQUARE = {230, 30, 30};
    public static final int SQUARE_SIZE = 8;
    public static final float TONE_AMPLITUDE = 0.5f;

    private int width = 64;
    private int height = 48;
    private double frameRate = 25;
    private int frames = 50;
    private long[] frameTimes;
    private int sampleRate = 44_100;
    private int channels = 2;
    private double toneHz = 440;
    private double audioSeconds = -1;
    private boolean video = true;
    private String format = "mov";
    private boolean indexAtFront = true;
    private int clockOffsetSeconds;
    private int videoCodec = AV_CODEC_ID_MPEG4;
    private int pixelFormat = AV_PIX_FMT_YUV420P;
    private int audioCodec = AV_CODEC_ID_PCM_S16LE;
    private final Map<String, String> formatOptions = new LinkedHashMap<>();
    private final Map<String, String> videoOptions = new LinkedHashMap<>();
    private double displayRotation;
    private double pixelAspect = 1;

    private TestClips() {
    }

    /** A clip with the defaults. */
    public static TestClips clip() {
        return new TestClips();
    }

    /** The shared GRID clips, when present beside the project. */
    public static Optional<Path> gridDirectory() {
        return sharedMedia("grid");
    }

    /** The shared real-world clips with sound (various containers and codecs), when present beside the project. */
    public static Optional<Path> realDirectory() {
        return sharedMedia("real");
    }

    private static Optional<Path> sharedMedia(String folder) {
        String shared = System.getProperty("fixate.shared.dir");
        if (shared == null) {
            return Optional.empty();
        }
        Path media = Paths.get(shared, "media", folder);
        return Files.isDirectory(media) ? Optional.of(media) : Optional.empty();
    }

    /** Frame size; the recorder rounds odd sizes up to even (see the class comment). */
    public TestClips size(int newWidth, int newHeight) {
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /** {@code count} frames at {@code fps}; audio lasts as long unless {@link #audioFor} says otherwise. */
    public TestClips frames(int count, double fps) {
        this.frames = count;
        this.frameRate = fps;
        return this;
    }

    /** Frames at these presentation times (variable frame rate), in multiples of the frame interval. */
    public TestClips frameTimes(long... micros) {
        this.frameTimes = micros.clone();
        this.frames = micros.length;
        return this;
    }

    /** The tone's frequency and the audio stream's native rate and channel count. */
    public TestClips tone(double hz, int rate, int channelCount) {
        this.toneHz = hz;
        this.sampleRate = rate;
        this.channels = channelCount;
        return this;
    }

    /** No audio stream at all. */
    public TestClips silent() {
        this.channels = 0;
        return this;
    }

    /** Audio only for the first {@code seconds} of the video. */
    public TestClips audioFor(double seconds) {
        this.audioSeconds = seconds;
        return this;
    }

    /** An audio-only file. */
    public TestClips withoutVideo() {
        this.video = false;
        return this;
    }

    /** MPEG-2 video and MP2 audio in MPEG-TS, with the stream clock starting at 10 s as in broadcast captures. */
    public TestClips mpegTs() {
        this.format = "mpegts";
        this.videoCodec = AV_CODEC_ID_MPEG2VIDEO;
        this.audioCodec = AV_CODEC_ID_MP2;
        this.clockOffsetSeconds = 10;
        return this;
    }

    /** The container FFmpeg's muxer {@code muxer} writes, e.g. {@code "matroska"}, {@code "avi"} or {@code "mp4"}. */
    public TestClips container(String muxer) {
        this.format = muxer;
        return this;
    }

    /** An option of the muxer, e.g. {@code movflags=frag_keyframe+empty_moov} for fragmented MP4. */
    public TestClips formatOption(String key, String value) {
        formatOptions.put(key, value);
        return this;
    }

    /** The video codec (an {@code AV_CODEC_ID_*}) and the pixel format it encodes. */
    public TestClips videoCodec(int codec, int pixels) {
        this.videoCodec = codec;
        this.pixelFormat = pixels;
        return this;
    }

    /** The audio codec, an {@code AV_CODEC_ID_*}. */
    public TestClips audioCodec(int codec) {
        this.audioCodec = codec;
        return this;
    }

    /** An option of the video encoder, e.g. {@code flags=+ildct+ilme} for interlaced coding. */
    public TestClips videoOption(String key, String value) {
        videoOptions.put(key, value);
        return this;
    }

    /** A display matrix asking players to turn the picture {@code degrees} counter-clockwise (FFmpeg's sense). */
    public TestClips displayRotation(double degrees) {
        this.displayRotation = degrees;
        return this;
    }

    /** Pixels {@code aspect} times as wide as high (sample aspect ratio). */
    public TestClips pixelAspect(double aspect) {
        this.pixelAspect = aspect;
        return this;
    }

    /** QuickTime with its index written last, as most cameras and encoders do by default. */
    public TestClips indexAtEnd() {
        this.indexAtFront = false;
        return this;
    }

    /** Writes the clip as {@code dir/name}. */
    public Path write(Path dir, String name) {
        Path file = dir.resolve(name);
        Ffmpeg.ensureLoaded();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), video ? width : 0,
                video ? height : 0, channels)) {
            recorder.setFormat(format);
            if (format.equals("mov") && indexAtFront) {
                recorder.setOption("movflags", "faststart");
            }
            if (clockOffsetSeconds != 0) {
                recorder.setOption("output_ts_offset", Integer.toString(clockOffsetSeconds));
            }
            formatOptions.forEach(recorder::setOption);
            recorder.setFrameRate(frameRate);
            if (video) {
                recorder.setVideoCodec(videoCodec);
                recorder.setPixelFormat(pixelFormat);
                recorder.setGopSize(12);
                recorder.setDisplayRotation(displayRotation);
                recorder.setAspectRatio(pixelAspect);
                videoOptions.forEach(recorder::setVideoOption);
            }
            if (channels > 0) {
                recorder.setAudioCodec(audioCodec);
                recorder.setSampleRate(sampleRate);
                recorder.setAudioChannels(channels);
                recorder.setAudioBitrate(192_000);
            }
            recorder.start();
            record(recorder);
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write test clip " + file, e);
        }
        return file;
    }

    private void record(FFmpegFrameRecorder recorder) throws FrameRecorder.Exception {
        long audioFrames = channels == 0 ? 0 : Math.round((audioSeconds >= 0 ? audioSeconds : frames / frameRate)
                * sampleRate);
        long audioWritten = 0;
        try (Frame picture = video ? new Frame(width, height, Frame.DEPTH_UBYTE, 3) : null) {
            for (int i = 0; i < frames; i++) {
                if (video) {
                    paint(picture, i);
                    if (frameTimes != null) {
                        recorder.setTimestamp(frameTimes[i]);
                    }
                    recorder.record(picture, AV_PIX_FMT_RGB24);
                }
                long audioUntil = Math.min(audioFrames, Math.round((i + 1) / frameRate * sampleRate));
                if (audioUntil > audioWritten) {
                    recorder.recordSamples(sampleRate, channels,
                            FloatBuffer.wrap(toneSamples(audioWritten, audioUntil)));
                    audioWritten = audioUntil;
                }
            }
        }
    }

    /** The x of the square's left edge in frame {@code index}. */
    public int squareX(int index) {
        int travel = Math.max(1, width - SQUARE_SIZE);
        return 2 * index % travel;
    }

    private void paint(Frame picture, int index) {
        ByteBuffer pixels = (ByteBuffer) picture.image[0];
        int left = squareX(index);
        int top = Math.max(0, height / 2 - SQUARE_SIZE / 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inSquare = x >= left && x < left + SQUARE_SIZE && y >= top && y < top + SQUARE_SIZE;
                int[] colour = inSquare && width > SQUARE_SIZE ? SQUARE : BACKGROUND;
                int at = y * picture.imageStride + x * 3;
                for (int c = 0; c < 3; c++) {
                    pixels.put(at + c, (byte) colour[c]);
                }
            }
        }
    }

    private float[] toneSamples(long fromFrame, long toFrame) {
        float[] samples = new float[(int) (toFrame - fromFrame) * channels];
        for (long f = fromFrame; f < toFrame; f++) {
            float value = (float) (TONE_AMPLITUDE * Math.sin(2 * Math.PI * toneHz * f / sampleRate));
            Arrays.fill(samples, (int) (f - fromFrame) * channels, (int) (f - fromFrame + 1) * channels, value);
        }
        return samples;
    }

    /**
     * Writes {@code frames} uncompressed 4:2:0 frames at 25 fps as a Y4M file, of any size (chroma planes are
     * {@code ceil(width / 2) x ceil(height / 2)}). Frame {@code i} is uniform grey with luma {@code 16 + 10 i} (limited
     * range), so its RGB value is {@link #y4mGrey}.
     */
    public static Path y4m(Path dir, String name, int width, int height, int frames) {
        int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        byte[] header = ("YUV4MPEG2 W" + width + " H" + height + " F25:1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] frameHeader = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(header.length
                + frames * (frameHeader.length + width * height + 2 * chroma));
        bytes.put(header);
        for (int i = 0; i < frames; i++) {
            byte[] luma = new byte[width * height];
            Arrays.fill(luma, (byte) (16 + 10 * i));
            byte[] neutral = new byte[chroma];
            Arrays.fill(neutral, (byte) 128);
            bytes.put(frameHeader).put(luma).put(neutral).put(neutral);
        }
        try {
            return Files.write(dir.resolve(name), bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RGB grey of frame {@code index} of a {@link #y4m} clip. */
    public static int y4mGrey(int index) {
        return (int) Math.round(10 * index * 255.0 / 219);
    }

    /** Copies the first {@code fraction} of {@code source}'s bytes to {@code target}. */
    public static Path truncated(Path source, Path target, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            return Files.write(target, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
