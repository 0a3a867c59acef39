package io.fixate.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_from_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import io.fixate.codec.internal.Ffmpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Test files that encoders do not write: copies every stream of a file into a new container, with an attached
 * picture (a PNG) added as its first stream, the way taggers store album covers in MP3 and Matroska files, or with the
 * video packets' presentation times rewritten, as damaged or badly muxed files have them.
 */
final class Remux {

    /** The presentation time, in microseconds, to give the video packet {@code index} (counting from 0). */
    @FunctionalInterface
    interface VideoTimes {
        long micros(int index);
    }

    /** Decoding times run this far behind the rewritten presentation times, so that both may repeat or go back. */
    private static final long DECODE_LEAD_MICROS = 80_000;
    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private Remux() {
    }

    /** A PNG of {@code width} x {@code height} in one colour. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x20c040);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code source}'s streams with a {@code width} x {@code height} cover in front, in {@code muxer}. */
    static Path withCoverArt(Path source, Path target, String muxer, int width, int height) {
        return copy(source, target, muxer, png(width, height), width, height, null);
    }

    /**
     * Writes {@code source}'s streams in {@code muxer}, the video packets at the presentation times {@code times}
     * gives (frame period 40 ms); needs a muxer that takes repeated decoding times (Matroska does).
     */
    static Path withVideoTimes(Path source, Path target, String muxer, VideoTimes times) {
        return copy(source, target, muxer, null, 0, 0, times);
    }

    private static Path copy(Path source, Path target, String muxer, byte[] cover, int width, int height,
                             VideoTimes times) {
        Ffmpeg.ensureLoaded();
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, Ffmpeg.fileUrl(source), null, (AVDictionary) null), "open");
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        int first = cover == null ? 0 : 1;
        try {
            check(avformat_find_stream_info(in, (PointerPointer<?>) null), "probe");
            check(avformat_alloc_output_context2(out, null, muxer, target.toString()), "muxer");
            if (cover != null) {
                AVStream picture = avformat_new_stream(out, null);
                picture.codecpar().codec_type(AVMEDIA_TYPE_VIDEO).codec_id(AV_CODEC_ID_PNG).width(width)
                        .height(height);
                picture.disposition(AV_DISPOSITION_ATTACHED_PIC);
            }
            for (int i = 0; i < in.nb_streams(); i++) {
                AVStream copy = avformat_new_stream(out, null);
                check(avcodec_parameters_copy(copy.codecpar(), in.streams(i).codecpar()), "copy");
                copy.codecpar().codec_tag(0);
                copy.time_base(in.streams(i).time_base());
            }
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, Ffmpeg.fileUrl(target), AVIO_FLAG_WRITE), "create");
            out.pb(io);
            check(avformat_write_header(out, (AVDictionary) null), "header");
            if (cover != null) {
                BytePointer data = new BytePointer(av_malloc(cover.length)).capacity(cover.length);
                data.put(cover);
                check(av_packet_from_data(packet, data, cover.length), "cover");
                packet.stream_index(0).flags(AV_PKT_FLAG_KEY);
                check(av_interleaved_write_frame(out, packet), "write cover");
            }
            int videoPackets = 0;
            while (av_read_frame(in, packet) >= 0) {
                int index = packet.stream_index();
                AVStream stream = out.streams(index + first);
                if (times != null && stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    long pts = times.micros(videoPackets);
                    packet.pts(pts).dts(videoPackets * 40_000L - DECODE_LEAD_MICROS);
                    av_packet_rescale_ts(packet, MICROS, in.streams(index).time_base());
                    videoPackets++;
                }
                av_packet_rescale_ts(packet, in.streams(index).time_base(), stream.time_base());
                packet.stream_index(index + first);
                check(av_interleaved_write_frame(out, packet), "write");
            }
            check(av_write_trailer(out), "trailer");
            return target;
        } finally {
            av_packet_unref(packet);
            av_packet_free(packet);
            if (out.pb() != null) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
            avformat_close_input(in);
        }
    }

    private static void check(int status, String step) {
        if (status < 0) {
            throw new IllegalStateException("remux: " + step + " failed: " + Ffmpeg.describe(status));
        }
    }
}
