package io.fixate.codec.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DECODER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_ENOMEM;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * FFmpeg's decoder for one stream: packets go in, frames come out with their best-effort presentation time in
 * microseconds. A packet the decoder rejects as damaged is counted and skipped, as FFmpeg's command line does; what
 * the damage costs shows as missing frames. Not thread-safe.
 */
public final class StreamDecoder implements AutoCloseable {

    private final AVStream stream;
    private final AVCodecContext context;
    private final AVFrame frame = av_frame_alloc();
    private long rejectedPackets;
    private String lastRejection;
    private boolean draining;
    private boolean closed;

    private StreamDecoder(AVStream stream, AVCodecContext context) {
        this.stream = stream;
        this.context = context;
    }

    /**
     * Opens the decoder of {@code stream}.
     *
     * @param threads decoding threads, 0 for FFmpeg's choice
     * @throws FfmpegError when FFmpeg has no decoder for the codec or cannot open it
     */
    public static StreamDecoder open(AVStream stream, int threads) throws FfmpegError {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new FfmpegError("finding a decoder", AVERROR_DECODER_NOT_FOUND());
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw new FfmpegError("allocating the decoder", AVERROR_ENOMEM());
        }
        StreamDecoder decoder = new StreamDecoder(stream, context);
        try {
            FfmpegError.check(avcodec_parameters_to_context(context, stream.codecpar()), "configuring the decoder");
            context.pkt_timebase(stream.time_base());
            context.thread_count(threads);
            FfmpegError.check(avcodec_open2(context, codec, (AVDictionary) null), "opening the decoder");
        } catch (FfmpegError e) {
            decoder.close();
            throw e;
        }
        return decoder;
    }

    public AVStream stream() {
        return stream;
    }

    /**
     * Hands the decoder a packet of its stream; {@code null} tells it the stream has ended, so that it gives out the
     * frames it still holds. Take every frame {@link #receive()} offers before sending the next packet.
     */
    public void send(AVPacket packet) {
        if (draining) {
            return;
        }
        draining = packet == null;
        int status = avcodec_send_packet(context, packet);
        if (status < 0 && status != AVERROR_EOF() && status != AVERROR_EAGAIN()) {
            rejectedPackets++;
            lastRejection = Ffmpeg.describe(status);
        }
    }

    /**
     * Decodes the next frame into {@link #frame()}.
     *
     * @return whether a frame is there; false when the decoder needs another packet or has given out everything
     */
    public boolean receive() {
        av_frame_unref(frame);
        int status = avcodec_receive_frame(context, frame);
        if (status >= 0) {
            return true;
        }
        if (status != AVERROR_EAGAIN() && status != AVERROR_EOF()) {
            rejectedPackets++;
            lastRejection = Ffmpeg.describe(status);
        }
        return false;
    }

    /** The frame of the last successful {@link #receive()}. */
    public AVFrame frame() {
        return frame;
    }

    /** The frame's best-effort presentation time in microseconds on the container's clock, or {@code MISSING}. */
    public long frameMicros() {
        long time = Ffmpeg.micros(frame.best_effort_timestamp(), stream.time_base());
        return time == AV_NOPTS_VALUE ? PresentationClock.MISSING : time;
    }

    /** Forgets buffered packets and frames, after a seek. */
    public void flush() {
        avcodec_flush_buffers(context);
        draining = false;
    }

    /** How many packets the decoder rejected as damaged. */
    public long rejectedPackets() {
        return rejectedPackets;
    }

    /** FFmpeg's words for the latest rejection, or null. */
    public String lastRejection() {
        return lastRejection;
    }

    /** Frees the decoder; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        av_frame_free(frame);
        avcodec_free_context(context);
    }
}
