package io.fixate.codec;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_sample_aspect_ratio;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.TruncatedMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.codec.internal.Demuxer;
import io.fixate.codec.internal.Ffmpeg;
import io.fixate.codec.internal.FfmpegError;
import io.fixate.codec.internal.Orientation;
import io.fixate.codec.internal.PictureConverter;
import io.fixate.codec.internal.PresentationClock;
import io.fixate.codec.internal.SampleConverter;
import io.fixate.codec.internal.StreamDecoder;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Decodes a media file into frames with their audio windows, in presentation order, as they are displayed.
 *
 * <p><b>Times</b> are microseconds from the first displayed frame: the video stream's start time is subtracted, so
 * MPEG-TS/PS files whose clocks start at 1.4 s or 10 h, and MP4 files whose edit lists skip leading frames, begin at
 * 0. Frame times strictly increase, whatever the file says: a frame without a time, or with one that does not come
 * after its predecessor's (packed B-frames in AVI, a damaged H.264 packet), gets the previous frame's time plus one
 * frame duration, from the nominal frame rate or else the median of the recent steps ({@link PresentationClock});
 * increasing times, variable frame rate included, are kept. Audio blocks without a time continue where the previous
 * block ended; gaps become silence and overlaps keep the earlier sound ({@link AudioWindower}). Each kind of repair is
 * counted in one summarising {@link #warnings() warning}. Only frames in the {@link ReadOptions} range are delivered;
 * the reader seeks to shortly before the range so that the first frame's audio window is complete.
 *
 * <p><b>Pictures</b> are packed RGB as FFmpeg's command line gives them ({@code -pix_fmt rgb24}, any bit depth,
 * interlaced or not), turned upright as the stream's display matrix asks (phone clips), at the size of the first
 * frame as displayed; a size change mid-stream (legal in MPEG-TS) is scaled to that size with one warning.
 * {@link #info()} describes the displayed picture, its rotation and its pixel aspect ratio.
 *
 * <p><b>Audio</b>: each frame's window is built by an {@link AudioWindower} from the file's audio (resampled and
 * mixed by FFmpeg), so a frame is held back until the audio around it has been decoded. The frames held meanwhile are
 * bounded: a frame waits at most until decoding has moved one second past the end of its window (then the missing
 * part of its window is silence, as when the audio stream is shorter than the video), and pending frames never use
 * more than 256 MiB. Files without audio deliver silent windows with {@link FrameWithAudio#audioPresent()} false.
 *
 * <p><b>Damage</b>: a packet a decoder rejects is skipped with a warning, as FFmpeg's command line does (a broken
 * last packet costs a frame; valid AVI files may also index empty frames). A file whose data ends before its container
 * says it should (a truncated download or copy) or whose reading fails part-way raises
 * {@link TruncatedMediaException} once the frames that decoded have been delivered, unless the options
 * {@link ReadOptions#tolerateDamage() tolerate damage}: then the frames just end there, with a warning. Not
 * thread-safe; close it (try-with-resources) to free the decoder.
 */
public final class MediaReader implements FrameSource {

    /** How long decoding may run ahead of a pending frame's window while still waiting for its audio. */
    private static final long AUDIO_WAIT_MICROS = 1_000_000;
    /** The most memory the frames waiting for their audio may take. */
    private static final long PENDING_BYTES = 256L << 20;
    /** Seeks land this far before the first wanted window, since FFmpeg resumes audio slightly after a seek point. */
    private static final long SEEK_PREROLL_MICROS = 1_000_000;
    /**
     * Data that ends further than this, or two frames if longer, before the declared end is damage. The packets of
     * intact files end within 30 ms of it (measured on 38 real clips in 8 containers); the margin absorbs containers
     * that round their duration and packets without a duration of their own.
     */
    private static final long TRUNCATION_TOLERANCE_MICROS = 100_000;

    private final Path file;
    private final ReadOptions options;
    private final Demuxer demuxer;
    private final StreamDecoder video;
    private final StreamDecoder audio;
    private final Orientation orientation;
    /** The first displayed frame's time on the container's clock, subtracted from every time. */
    private final long originMicros;
    private final PresentationClock clock;
    private final AudioWindower windower;
    private final ArrayDeque<VideoFrame> pending = new ArrayDeque<>();
    private final List<String> warnings = new ArrayList<>();
    private final SourceAudioTap sourceAudio;
    private MediaInfo info;
    private PictureConverter converter;
    private int storedWidth;
    private int storedHeight;
    private int pendingLimit = 2;
    private boolean streamEnded;
    private boolean rangeEnded;
    private TruncatedMediaException damage;
    private long decodedVideoFrames;
    private long lastVideoMicros;
    /** The latest time decoded on any stream. */
    private long decodedUntilMicros = Long.MIN_VALUE;
    private long audioEndMicros = Long.MIN_VALUE;
    private long untimedAudioBlocks;
    private boolean sizeChangeNoted;
    private boolean closed;

    private MediaReader(Path file, ReadOptions options, MediaOpener.Opened opened) {
        this.file = file;
        this.options = options;
        this.demuxer = opened.demuxer();
        this.orientation = opened.orientation();
        AVStream videoStream = opened.video();
        long videoStart = videoStream.start_time() == AV_NOPTS_VALUE ? AV_NOPTS_VALUE
                : Ffmpeg.micros(videoStream.start_time(), videoStream.time_base());
        this.originMicros = videoStart == AV_NOPTS_VALUE ? demuxer.startMicros() : videoStart;
        this.clock = new PresentationClock(nominalFrameRate(videoStream));
        this.sourceAudio = new SourceAudioTap(options);
        this.windower = new AudioWindower(options.audio());
        StreamDecoder videoDecoder = null;
        StreamDecoder audioDecoder = null;
        try {
            videoDecoder = StreamDecoder.open(videoStream, 0);
            if (opened.audio() != null) {
                audioDecoder = openAudio(opened.audio());
            }
        } catch (FfmpegError e) {
            demuxer.close();
            throw new UnsupportedMediaException(file + ": cannot decode its video (" + e.getMessage() + ")");
        }
        this.video = videoDecoder;
        this.audio = audioDecoder;
        if (audio == null) {
            windower.end();
        }
    }

    private StreamDecoder openAudio(AVStream stream) {
        try {
            return StreamDecoder.open(stream, 1);
        } catch (FfmpegError e) {
            warnings.add(file + ": its audio cannot be decoded (" + e.getMessage() + "); reading the picture alone");
            return null;
        }
    }

    /**
     * Opens {@code file} and decodes up to its first frame in range.
     *
     * @throws UncheckedIOException      wrapping {@link java.nio.file.NoSuchFileException},
     *                                   {@link java.nio.file.AccessDeniedException} or another
     *                                   {@link java.nio.file.FileSystemException} when the path cannot be read or is
     *                                   not a regular file (a directory, a named pipe, a symbolic-link loop)
     * @throws CorruptMediaException     when the file is empty, not media FFmpeg recognises, or no frame decodes
     * @throws UnsupportedMediaException when the file is not a video: no video stream, a still image, cover art of
     *                                   an audio file, an unknown codec, or frames too large to hold
     */
    public static MediaReader open(Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        MediaReader reader = new MediaReader(file, options, MediaOpener.open(file));
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
            throw new CorruptMediaException("no video frame of " + file + " could be decoded"
                    + (video.lastRejection() == null ? "" : " (" + video.lastRejection() + ")"));
        }
        if (pending.isEmpty() && !rangeEnded) {
            warnings.add(file + ": no frame at or after " + seconds(options.startMicros())
                    + "; the media ends before that");
        }
        info = describe();
    }

    private boolean decodesFromStart() {
        seek(0);
        streamEnded = false;
        while (decodedVideoFrames == 0 && !streamEnded) {
            decodeNext();
        }
        return decodedVideoFrames > 0;
    }

    private void seek(long targetMicros) {
        try {
            demuxer.seek(targetMicros + originMicros);
        } catch (FfmpegError e) {
            throw new CorruptMediaException("cannot seek to " + seconds(targetMicros) + " in " + file + ": "
                    + e.reason());
        }
        video.flush();
        if (audio != null) {
            audio.flush();
        }
        clock.restart();
        audioEndMicros = Long.MIN_VALUE;
    }

    private MediaInfo describe() {
        AVStream videoStream = video.stream();
        boolean hasAudio = audio != null;
        int width = storedWidth > 0 ? storedWidth : videoStream.codecpar().width();
        int height = storedHeight > 0 ? storedHeight : videoStream.codecpar().height();
        AVRational sar = av_guess_sample_aspect_ratio(demuxer.context(), videoStream, null);
        double aspect = sar.num() > 0 && sar.den() > 0 ? (double) sar.num() / sar.den() : 1;
        return new MediaInfo(orientation.displayedWidth(width, height), orientation.displayedHeight(width, height),
                nominalFrameRate(videoStream), demuxer.durationMicros(), hasAudio,
                hasAudio ? audio.stream().codecpar().sample_rate() : 0,
                hasAudio ? audio.stream().codecpar().ch_layout().nb_channels() : 0,
                codecName(videoStream), hasAudio ? codecName(audio.stream()) : "",
                orientation.clockwiseDegrees(), orientation.mirrored(),
                orientation.swapsSides() ? 1 / aspect : aspect);
    }

    private static String codecName(AVStream stream) {
        return avcodec_get_name(stream.codecpar().codec_id()).getString();
    }

    /** The average frame rate the container states, else the stream's base rate; 0 when neither is known. */
    private static double nominalFrameRate(AVStream stream) {
        AVRational rate = stream.avg_frame_rate();
        if (rate.num() <= 0 || rate.den() <= 0) {
            rate = stream.r_frame_rate();
        }
        return rate.num() > 0 && rate.den() > 0 ? (double) rate.num() / rate.den() : 0;
    }

    @Override
    public MediaInfo info() {
        return info;
    }

    /**
     * Registers the listener that receives the file's audio as decoded: native sample rate and channels,
     * interleaved float, timestamps on the same clock as the frames. Blocks that overlap the read range are passed
     * whole (the first may begin a little before the range). Register before the first {@link #read()} to receive
     * everything; a later listener replaces an earlier one, {@code null} removes it.
     */
    @Override
    public void onSourceAudio(Consumer<AudioBlock> listener) {
        ensureOpen();
        sourceAudio.listen(listener);
    }

    /**
     * The next frame in range with its audio window, or {@code null} after the last one.
     *
     * @throws TruncatedMediaException after the last frame that decoded, when the file's data ends before its
     *                                 declared end and the options do not tolerate damage
     * @throws IllegalStateException   after {@link #close()}
     */
    @Override
    public FrameWithAudio read() {
        ensureOpen();
        sourceAudio.stopHolding();
        while (true) {
            VideoFrame next = pending.peekFirst();
            if (next == null && (streamEnded || rangeEnded)) {
                if (damage != null) {
                    throw damage;
                }
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
     * Problems met so far that did not stop reading, each naming the file: repaired timestamps, a size change,
     * skipped damaged packets, a tolerated truncation.
     */
    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (clock.repairs() > 0) {
            all.add(String.format(Locale.ROOT, "%s: %d frame time%s missing or out of order; each was placed one"
                    + " frame (%.1f ms) after its predecessor", file, clock.repairs(),
                    clock.repairs() == 1 ? " was" : "s were", clock.step() / 1000.0));
        }
        if (untimedAudioBlocks > 0) {
            all.add(file + ": " + untimedAudioBlocks + " audio block(s) had no time and were placed where the"
                    + " previous one ended");
        }
        addRejections(all, video, "video");
        addRejections(all, audio, "audio");
        return List.copyOf(all);
    }

    private void addRejections(List<String> all, StreamDecoder decoder, String kind) {
        if (decoder != null && decoder.rejectedPackets() > 0) {
            all.add(file + ": " + decoder.rejectedPackets() + " damaged " + kind + " packet(s) could not be decoded"
                    + " and were skipped (" + decoder.lastRejection() + ")");
        }
    }

    private void decodeNext() {
        int status = demuxer.read();
        if (status < 0) {
            endOfInput(status);
            return;
        }
        int stream = demuxer.packet().stream_index();
        if (stream == video.stream().index()) {
            video.send(demuxer.packet());
            drainVideo();
        } else if (audio != null && stream == audio.stream().index()) {
            audio.send(demuxer.packet());
            drainAudio();
        }
    }

    private void endOfInput(int status) {
        video.send(null);
        drainVideo();
        if (audio != null) {
            audio.send(null);
            drainAudio();
        }
        streamEnded = true;
        if (!windower.isEnded()) {
            windower.end();
        }
        checkIntegrity(status);
    }

    private void drainVideo() {
        while (video.receive()) {
            acceptVideo(video.frame());
        }
    }

    private void drainAudio() {
        while (audio.receive()) {
            acceptAudio(audio.frame());
        }
    }

    private void acceptVideo(AVFrame frame) {
        long decoded = video.frameMicros();
        long timestamp = clock.next(decoded == PresentationClock.MISSING ? decoded : decoded - originMicros);
        decodedVideoFrames++;
        lastVideoMicros = timestamp;
        decodedUntilMicros = Math.max(decodedUntilMicros, timestamp);
        if (converter == null) {
            startPictures(frame);
        }
        if (timestamp < options.startMicros()) {
            return;
        }
        if (timestamp >= options.endMicros()) {
            rangeEnded = true;
            return;
        }
        if (frame.width() != storedWidth || frame.height() != storedHeight) {
            noteSizeChange(frame, timestamp);
        }
        try {
            converter.convert(frame);
        } catch (FfmpegError e) {
            throw new UnsupportedMediaException(file + ": " + e.getMessage());
        }
        ByteBuffer stored = converter.pixels();
        pending.addLast(VideoFrame.create(orientation.displayedWidth(storedWidth, storedHeight),
                orientation.displayedHeight(storedWidth, storedHeight), timestamp,
                out -> orientation.upright(stored, storedWidth, storedHeight, out)));
    }

    /** Fixes the picture size at the first decoded frame's and sizes the queue of frames waiting for audio. */
    private void startPictures(AVFrame first) {
        storedWidth = first.width();
        storedHeight = first.height();
        try {
            converter = new PictureConverter(storedWidth, storedHeight);
        } catch (FfmpegError e) {
            throw new UnsupportedMediaException(file + ": " + e.getMessage());
        }
        pendingLimit = (int) Math.max(2, PENDING_BYTES / (3L * storedWidth * storedHeight));
    }

    private void noteSizeChange(AVFrame frame, long timestamp) {
        if (!sizeChangeNoted) {
            sizeChangeNoted = true;
            warnings.add(String.format(Locale.ROOT, "%s: the picture size changes from %dx%d to %dx%d at %s;"
                    + " such frames are scaled to %dx%d", file, storedWidth, storedHeight, frame.width(),
                    frame.height(), seconds(timestamp), storedWidth, storedHeight));
        }
    }

    private void acceptAudio(AVFrame frame) {
        float[] samples;
        try {
            samples = SampleConverter.interleaved(frame);
        } catch (FfmpegError e) {
            throw new UnsupportedMediaException(file + ": " + e.getMessage());
        }
        int rate = frame.sample_rate();
        int channels = frame.ch_layout().nb_channels();
        if (rate <= 0 || channels <= 0 || samples.length == 0) {
            return;
        }
        long decoded = audio.frameMicros();
        long timestamp;
        if (decoded != PresentationClock.MISSING) {
            timestamp = decoded - originMicros;
        } else {
            untimedAudioBlocks++;
            timestamp = audioEndMicros == Long.MIN_VALUE ? Math.max(0, lastVideoMicros) : audioEndMicros;
        }
        AudioBlock block = AudioBlock.ofInterleaved(samples, rate, channels, timestamp);
        audioEndMicros = timestamp + block.durationMicros();
        decodedUntilMicros = Math.max(decodedUntilMicros, timestamp);
        sourceAudio.offer(block);
        windower.push(block);
    }

    /**
     * At the end of the input: data that stops well before the declared end, or a read that failed before it, is
     * damage; a read error at the very end is only worth a warning.
     */
    private void checkIntegrity(int status) {
        long packetsEnd = demuxer.packetsEndMicros() == AV_NOPTS_VALUE ? lastVideoMicros + clock.step()
                : demuxer.packetsEndMicros() - originMicros;
        long declaredEnd = demuxer.startMicros() + demuxer.durationMicros() - originMicros;
        long tolerance = Math.max(TRUNCATION_TOLERANCE_MICROS, 2 * clock.step());
        boolean endsEarly = demuxer.durationIsDeclared() && declaredEnd - packetsEnd > tolerance;
        String readError = Demuxer.isEnd(status) ? null : Ffmpeg.describe(status);
        if (!endsEarly) {
            if (readError != null) {
                warnings.add(file + ": reading stopped at " + seconds(packetsEnd) + " with an error (" + readError
                        + "); everything before it was decoded");
            }
            return;
        }
        long lastGood = lastVideoMicros + clock.step();
        String what = String.format(Locale.ROOT, "%s is damaged: its data ends at %s but the container declares %s"
                        + "%s (probably truncated); %d frame%s decoded up to %s", file, seconds(packetsEnd),
                seconds(declaredEnd), readError == null ? "" : ", reading failed: " + readError, decodedVideoFrames,
                decodedVideoFrames == 1 ? "" : "s", seconds(lastGood));
        if (options.tolerateDamage()) {
            warnings.add(what + "; the frames end there");
        } else {
            damage = new TruncatedMediaException(what, decodedVideoFrames, lastGood, declaredEnd);
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

    /** Frees the decoders; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        windower.close();
        if (converter != null) {
            converter.close();
        }
        video.close();
        if (audio != null) {
            audio.close();
        }
        demuxer.close();
    }
}
