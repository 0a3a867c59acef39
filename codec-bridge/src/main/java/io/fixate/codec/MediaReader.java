package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.codec.host.HostFrames;
import io.fixate.codec.host.PackedLayout;
import io.fixate.codec.host.Plane;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

/**
 * Decodes a media file into frames with their audio windows, in presentation order.
 *
 * <p>Times are microseconds from the start of the media (the container's start time is subtracted, so MPEG-TS/PS
 * files whose clocks start at 1.4 s or 10 h still begin near 0); variable frame rate follows the frames' own
 * timestamps. Only frames in the {@link ReadOptions} range are delivered; the reader seeks to shortly before the
 * range so that the first frame's audio window is complete.
 *
 * <p>Each frame's audio window is built by an {@link AudioWindower} from the file's audio (resampled and mixed by
 * FFmpeg), so a frame is held back until the audio around it has been decoded. The few frames held meanwhile are
 * bounded: a frame waits at most until decoding has moved one second past the end of its window (then the missing
 * part of its window is silence, as when the audio stream is shorter than the video), and pending frames never use
 * more than 256 MiB. Files without audio deliver silent windows with {@link FrameWithAudio#audioPresent()} false.
 *
 * <p>Damage is handled leniently once decoding has started: a decoder error, or a stream that ends well before the
 * container's declared duration (a truncated file), ends the frames there and adds a {@link #warnings() warning}.
 * Not thread-safe; close it (try-with-resources) to free the decoder.
 */
public final class MediaReader implements AutoCloseable {

    /** How long decoding may run ahead of a pending frame's window while still waiting for its audio. */
    private static final long AUDIO_WAIT_MICROS = 1_000_000;
    /** The most memory the frames waiting for their audio may take. */
    private static final long PENDING_BYTES = 256L << 20;
    /** Seeks land this far before the first wanted window, since FFmpeg resumes audio slightly after a seek point. */
    private static final long SEEK_PREROLL_MICROS = 1_000_000;
    /** Decoding that stops further than this before the declared duration is reported as truncation. */
    private static final long TRUNCATION_TOLERANCE_MICROS = 500_000;

    private final Path file;
    private final ReadOptions options;
    private final FFmpegFrameGrabber grabber;
    private final MediaInfo info;
    /** The container's start time, subtracted from every timestamp FFmpeg reports. */
    private final long originMicros;
    private final AudioWindower windower;
    private final ArrayDeque<VideoFrame> pending = new ArrayDeque<>();
    private final int pendingLimit;
    private final List<String> warnings = new ArrayList<>();
    private final SourceAudioTap sourceAudio;
    private boolean streamEnded;
    private boolean rangeEnded;
    private long decodedVideoFrames;
    private long lastVideoMicros;
    /** The latest timestamp decoded on any stream. */
    private long decodedUntilMicros = Long.MIN_VALUE;
    private boolean closed;

    private MediaReader(Path file, ReadOptions options, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.options = options;
        this.grabber = grabber;
        this.info = MediaOpener.describe(grabber);
        this.sourceAudio = new SourceAudioTap(options);
        long startTime = grabber.getFormatContext().start_time();
        this.originMicros = startTime == AV_NOPTS_VALUE ? 0 : startTime;
        this.windower = new AudioWindower(options.audio());
        this.pendingLimit = (int) Math.max(2, PENDING_BYTES / (3L * info.width() * info.height()));
        if (!info.hasAudio()) {
            windower.end();
        }
    }

    /**
     * Opens {@code file} and decodes up to its first frame in range.
     *
     * @throws UncheckedIOException      wrapping {@link java.nio.file.NoSuchFileException},
     *                                   {@link java.nio.file.AccessDeniedException} or another I/O error when the file
     *                                   cannot be read
     * @throws CorruptMediaException     when the file is empty, not media FFmpeg recognises, or no frame decodes
     * @throws UnsupportedMediaException when the file has no video stream
     */
    public static MediaReader open(Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        MediaReader reader = new MediaReader(file, options, MediaOpener.start(file));
        try {
            reader.decodeFirstFrame();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private void decodeFirstFrame() {
        long seekTarget = options.startMicros() - options.audio().windowMicros() / 2 - SEEK_PREROLL_MICROS;
        boolean sought = seekTarget > 0;
        if (sought) {
            seek(seekTarget);
        }
        while (pending.isEmpty() && !streamEnded && !rangeEnded) {
            decodeNext();
        }
        // Nothing after a seek point means the range lies past the end, unless the file does not decode at all.
        boolean rangePastEnd = decodedVideoFrames == 0 && sought && decodesFromStart();
        if (decodedVideoFrames == 0 && !rangePastEnd) {
            throw new CorruptMediaException("no video frame of " + file + " could be decoded");
        }
        if (pending.isEmpty() && !rangeEnded) {
            warnings.add(file + ": no frame at or after " + seconds(options.startMicros())
                    + "; the media ends before that");
        }
    }

    private boolean decodesFromStart() {
        seek(0);
        try {
            return grabber.grabImage() != null;
        } catch (FrameGrabber.Exception e) {
            return false;
        }
    }

    private void seek(long targetMicros) {
        try {
            grabber.setVideoTimestamp(targetMicros);
        } catch (FrameGrabber.Exception e) {
            throw new CorruptMediaException("cannot seek to " + seconds(targetMicros) + " in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** What the file's headers declare. */
    public MediaInfo info() {
        return info;
    }

    /**
     * Registers the listener that receives the file's audio as decoded: native sample rate and channels,
     * interleaved float, timestamps on the same clock as the frames. Blocks that overlap the read range are passed
     * whole (the first may begin a little before the range). Register before the first {@link #read()} to receive
     * everything; a later listener replaces an earlier one, {@code null} removes it.
     */
    public void onSourceAudio(Consumer<AudioBlock> listener) {
        ensureOpen();
        sourceAudio.listen(listener);
    }

    /**
     * The next frame in range with its audio window, or {@code null} after the last one.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public FrameWithAudio read() {
        ensureOpen();
        sourceAudio.stopHolding();
        while (true) {
            VideoFrame next = pending.peekFirst();
            if (next == null && (streamEnded || rangeEnded)) {
                return null;
            }
            if (next != null && isReady(next)) {
                pending.removeFirst();
                return windower.attach(next);
            }
            decodeNext();
        }
    }

    private boolean isReady(VideoFrame frame) {
        long windowEnd = frame.timestampMicros() + options.audio().windowMicros() / 2;
        return streamEnded || windower.covers(frame.timestampMicros())
                || decodedUntilMicros > windowEnd + AUDIO_WAIT_MICROS || pending.size() > pendingLimit;
    }

    /**
     * Problems met so far that did not stop reading, e.g. a truncated file, each naming the file and the times
     * involved.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void decodeNext() {
        Frame frame;
        try {
            frame = grabber.grab();
        } catch (FrameGrabber.Exception e) {
            if (decodedVideoFrames == 0) {
                throw new CorruptMediaException(file + " cannot be decoded: " + e.getMessage(), e);
            }
            warnings.add(file + ": decoding failed after " + seconds(lastVideoMicros) + ", frames end there: "
                    + e.getMessage());
            finishStream();
            return;
        }
        if (frame == null) {
            finishStream();
            reportTruncation();
            return;
        }
        long timestamp = frame.timestamp - originMicros;
        decodedUntilMicros = Math.max(decodedUntilMicros, timestamp);
        if (frame.image != null) {
            acceptVideo(frame, timestamp);
        } else if (frame.samples != null) {
            acceptAudio(frame, timestamp);
        }
    }

    private void acceptVideo(Frame frame, long timestamp) {
        decodedVideoFrames++;
        lastVideoMicros = timestamp;
        if (timestamp < options.startMicros()) {
            return;
        }
        if (timestamp >= options.endMicros()) {
            rangeEnded = true;
            return;
        }
        Plane rgb = new Plane((ByteBuffer) frame.image[0], 0, frame.imageStride);
        pending.addLast(HostFrames.packed(rgb, frame.imageWidth, frame.imageHeight, PackedLayout.RGB, timestamp));
    }

    private void acceptAudio(Frame frame, long timestamp) {
        FloatBuffer interleaved = (FloatBuffer) frame.samples[0];
        float[] samples = new float[interleaved.remaining()];
        interleaved.duplicate().get(samples);
        AudioBlock block = AudioBlock.ofInterleaved(samples, frame.sampleRate, frame.audioChannels, timestamp);
        sourceAudio.offer(block);
        windower.push(block);
    }

    private void finishStream() {
        streamEnded = true;
        if (!windower.isEnded()) {
            windower.end();
        }
    }

    private void reportTruncation() {
        double frameRate = info.frameRate() > 0 ? info.frameRate() : 25;
        long decodedEnd = lastVideoMicros + Math.round(1_000_000 / frameRate);
        if (decodedVideoFrames > 0 && info.durationMicros() - decodedEnd > TRUNCATION_TOLERANCE_MICROS) {
            warnings.add(file + ": decoding stopped at " + seconds(decodedEnd) + " but the container declares "
                    + seconds(info.durationMicros()) + "; the file is probably truncated");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("media reader of " + file + " is closed");
        }
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    /** Frees the decoder; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        windower.close();
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            warnings.add(file + ": closing the decoder failed: " + e.getMessage());
        }
    }
}
