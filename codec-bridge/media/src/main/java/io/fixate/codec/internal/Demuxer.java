package io.fixate.codec.internal;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's demuxer over one file: its streams, and its packets one at a time with the real outcome of each read
 * (JavaCV's grabber reports every read error as the end of the file, so damage would pass for a short file). It
 * remembers where the packets it read end, so that a caller can compare that with the end the container declares.
 * Not thread-safe.
 */
public final class Demuxer implements AutoCloseable {

    private final AVFormatContext context;
    private final AVPacket packet = av_packet_alloc();
    /** End of the latest-ending packet read, in microseconds on the container's clock. */
    private long packetsEndMicros = AV_NOPTS_VALUE;
    private boolean closed;

    private Demuxer(AVFormatContext context) {
        this.context = context;
    }

    /**
     * Opens {@code file} and reads enough of it to know its streams.
     *
     * @throws FfmpegError when FFmpeg cannot open it or make sense of its streams
     */
    public static Demuxer open(Path file) throws FfmpegError {
        Ffmpeg.ensureLoaded();
        AVFormatContext context = new AVFormatContext(null);
        FfmpegError.check(avformat_open_input(context, Ffmpeg.fileUrl(file), null, (AVDictionary) null),
                "opening the file");
        Demuxer demuxer = new Demuxer(context);
        try {
            FfmpegError.check(avformat_find_stream_info(context, (PointerPointer<?>) null), "reading the streams");
        } catch (FfmpegError e) {
            demuxer.close();
            throw e;
        }
        return demuxer;
    }

    /** The demuxer's context, to read stream parameters from; valid until {@link #close()}. */
    public AVFormatContext context() {
        return context;
    }

    public int streamCount() {
        return context.nb_streams();
    }

    public AVStream stream(int index) {
        return context.streams(index);
    }

    /** FFmpeg's short name of the container format, e.g. {@code "mov,mp4,m4a,3gp,3g2,mj2"} or {@code "png_pipe"}. */
    public String formatName() {
        return context.iformat().name().getString();
    }

    /** Where the container's clock starts, in microseconds; 0 when it does not say. */
    public long startMicros() {
        return context.start_time() == AV_NOPTS_VALUE ? 0 : context.start_time();
    }

    /** The duration the container declares, in microseconds; 0 when it does not say. */
    public long durationMicros() {
        return context.duration() == AV_NOPTS_VALUE ? 0 : Math.max(0, context.duration());
    }

    /** Whether the declared duration was read from the file rather than guessed from its size and bit rate. */
    public boolean durationIsDeclared() {
        return durationMicros() > 0 && context.duration_estimation_method() != AVFMT_DURATION_FROM_BITRATE;
    }

    /**
     * Reads the next packet into {@link #packet()}, replacing the previous one.
     *
     * @return 0 on success, {@code AVERROR_EOF} at the end, or FFmpeg's error code when reading fails
     */
    public int read() {
        av_packet_unref(packet);
        int status;
        do {
            status = av_read_frame(context, packet);
        } while (status == AVERROR_EAGAIN());
        if (status >= 0) {
            notePacketEnd();
        }
        return status;
    }

    private void notePacketEnd() {
        long start = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (start == AV_NOPTS_VALUE) {
            return;
        }
        AVStream stream = context.streams(packet.stream_index());
        long end = Ffmpeg.micros(start + Math.max(0, packet.duration()), stream.time_base());
        packetsEndMicros = packetsEndMicros == AV_NOPTS_VALUE ? end : Math.max(packetsEndMicros, end);
    }

    /** The packet of the last successful {@link #read()}. */
    public AVPacket packet() {
        return packet;
    }

    /**
     * The latest end of any packet read so far, in microseconds on the container's clock, or {@code AV_NOPTS_VALUE}
     * before the first timed packet.
     */
    public long packetsEndMicros() {
        return packetsEndMicros;
    }

    /**
     * Seeks to the key frame at or before {@code micros} on the container's clock.
     *
     * @throws FfmpegError when the container cannot seek
     */
    public void seek(long micros) throws FfmpegError {
        av_packet_unref(packet);
        FfmpegError.check(av_seek_frame(context, -1, micros, AVSEEK_FLAG_BACKWARD), "seeking");
        packetsEndMicros = AV_NOPTS_VALUE;
    }

    /** Whether {@code status} from {@link #read()} is the plain end of the file. */
    public static boolean isEnd(int status) {
        return status == AVERROR_EOF();
    }

    /** Frees FFmpeg's demuxer; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        av_packet_free(packet);
        avformat_close_input(context);
    }
}
