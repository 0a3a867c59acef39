package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import io.fixate.codec.internal.FfmpegError;
import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * An encoder feeding one stream of a {@link MediaMuxer}: frames go in, every packet the encoder produces is moved to
 * the stream's time base and handed to the muxer.
 */
final class EncodedStream implements AutoCloseable {

    /** Fills in an encoder context (size, formats, time base, bit rate) before it is opened. */
    @FunctionalInterface
    interface Settings {
        void apply(AVCodecContext context);
    }

    private final MediaMuxer muxer;
    private final String codecName;
    private final AVCodecContext context;
    private final AVPacket packet;
    private final long fallbackDuration;
    private AVStream stream;

    private EncodedStream(MediaMuxer muxer, String codecName, AVCodecContext context, AVPacket packet,
                          long fallbackDuration) {
        this.muxer = muxer;
        this.codecName = codecName;
        this.context = context;
        this.packet = packet;
        this.fallbackDuration = fallbackDuration;
    }

    /**
     * Opens {@code codec} with {@code settings} and adds its stream to {@code muxer}.
     *
     * @param fallbackDuration duration, in the codec's time base, of packets the encoder leaves without one; MP4
     *                         edit lists end at the last packet's end, so a zero there would hide the last frame
     */
    static EncodedStream open(MediaMuxer muxer, AVCodec codec, long fallbackDuration, Settings settings)
            throws IOException {
        String codecName = codec.name().getString();
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw new IOException("allocating the " + codecName + " encoder failed");
        }
        EncodedStream encoded = new EncodedStream(muxer, codecName, context, av_packet_alloc(), fallbackDuration);
        try {
            settings.apply(context);
            if (muxer.wantsGlobalHeaders()) {
                context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            FfmpegError.check(avcodec_open2(context, codec, (AVDictionary) null),
                    "opening the " + codecName + " encoder");
            encoded.stream = muxer.newStream();
            FfmpegError.check(avcodec_parameters_from_context(encoded.stream.codecpar(), context),
                    "copying the " + codecName + " parameters to the stream");
            encoded.stream.time_base(context.time_base());
        } catch (IOException e) {
            encoded.close();
            throw e;
        }
        return encoded;
    }

    AVCodecContext context() {
        return context;
    }

    /** Encodes {@code frame} and muxes what comes out; {@code null} drains the encoder at the end. */
    void send(AVFrame frame) throws IOException {
        FfmpegError.check(avcodec_send_frame(context, frame), "encoding with " + codecName);
        while (true) {
            int status = avcodec_receive_packet(context, packet);
            if (status == AVERROR_EAGAIN() || status == AVERROR_EOF()) {
                return;
            }
            FfmpegError.check(status, "encoding with " + codecName);
            if (packet.duration() <= 0) {
                packet.duration(fallbackDuration);
            }
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            muxer.write(packet);
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}
