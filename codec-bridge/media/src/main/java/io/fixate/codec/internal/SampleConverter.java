package io.fixate.codec.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBLP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8P;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PATCHWELCOME;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Reads decoded audio of any of FFmpeg's sample formats (8/16/32/64-bit integers, float, double; interleaved or
 * planar) as interleaved floats in [-1, 1] at the frame's own rate and channel count. Done here rather than in
 * swresample: it is a plain scaling, and a decoder may change format mid-stream without a resampler to rebuild.
 */
public final class SampleConverter {

    private SampleConverter() {
    }

    /**
     * The samples of the audio frame {@code frame}, interleaved.
     *
     * @throws FfmpegError when the frame's sample format is not one FFmpeg decoders produce
     */
    public static float[] interleaved(AVFrame frame) throws FfmpegError {
        int format = frame.format();
        int channels = frame.ch_layout().nb_channels();
        int count = frame.nb_samples();
        int bytes = bytesPerSample(format);
        boolean planar = av_sample_fmt_is_planar(format) != 0;
        float[] out = new float[count * channels];
        for (int plane = 0; plane < (planar ? channels : 1); plane++) {
            int valuesInPlane = planar ? count : count * channels;
            BytePointer data = frame.extended_data(plane);
            ByteBuffer buffer = data.capacity((long) valuesInPlane * bytes).asByteBuffer()
                    .order(ByteOrder.nativeOrder());
            for (int i = 0; i < valuesInPlane; i++) {
                int at = planar ? i * channels + plane : i;
                out[at] = read(buffer, i * bytes, format);
            }
        }
        return out;
    }

    private static int bytesPerSample(int format) throws FfmpegError {
        if (format == AV_SAMPLE_FMT_U8 || format == AV_SAMPLE_FMT_U8P) {
            return 1;
        }
        if (format == AV_SAMPLE_FMT_S16 || format == AV_SAMPLE_FMT_S16P) {
            return 2;
        }
        if (format == AV_SAMPLE_FMT_S32 || format == AV_SAMPLE_FMT_S32P
                || format == AV_SAMPLE_FMT_FLT || format == AV_SAMPLE_FMT_FLTP) {
            return 4;
        }
        if (format == AV_SAMPLE_FMT_DBL || format == AV_SAMPLE_FMT_DBLP
                || format == AV_SAMPLE_FMT_S64 || format == AV_SAMPLE_FMT_S64P) {
            return 8;
        }
        BytePointer name = av_get_sample_fmt_name(format);
        throw new FfmpegError("reading audio samples of format " + (name == null ? format : name.getString()),
                AVERROR_PATCHWELCOME);
    }

    private static float read(ByteBuffer buffer, int offset, int format) {
        return switch (format) {
            case AV_SAMPLE_FMT_U8, AV_SAMPLE_FMT_U8P -> ((buffer.get(offset) & 0xff) - 128) / 128f;
            case AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P -> buffer.getShort(offset) / 32768f;
            case AV_SAMPLE_FMT_S32, AV_SAMPLE_FMT_S32P -> (float) (buffer.getInt(offset) / 2147483648.0);
            case AV_SAMPLE_FMT_FLT, AV_SAMPLE_FMT_FLTP -> buffer.getFloat(offset);
            case AV_SAMPLE_FMT_DBL, AV_SAMPLE_FMT_DBLP -> (float) buffer.getDouble(offset);
            default -> (float) (buffer.getLong(offset) / 9.223372036854775807E18);
        };
    }
}
