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
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Test files with cover art: copies every stream of a file into a new container with an attached picture (a PNG)
 * added as its first stream, the way taggers store album covers in MP3 and Matroska files.
 */
final class CoverArt {

    private CoverArt() {
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
    static Path add(Path source, Path target, String muxer, int width, int height) {
        Ffmpeg.ensureLoaded();
        byte[] png = png(width, height);
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, Ffmpeg.fileUrl(source), null, (AVDictionary) null), "open");
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (PointerPointer<?>) null), "probe");
            check(avformat_alloc_output_context2(out, null, muxer, target.toString()), "muxer");
            AVStream cover = avformat_new_stream(out, null);
            cover.codecpar().codec_type(AVMEDIA_TYPE_VIDEO).codec_id(AV_CODEC_ID_PNG).width(width).height(height);
            cover.disposition(AV_DISPOSITION_ATTACHED_PIC);
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
            BytePointer data = new BytePointer(av_malloc(png.length)).capacity(png.length);
            data.put(png);
            check(av_packet_from_data(packet, data, png.length), "cover");
            packet.stream_index(0).flags(AV_PKT_FLAG_KEY);
            check(av_interleaved_write_frame(out, packet), "write cover");
            while (av_read_frame(in, packet) >= 0) {
                int index = packet.stream_index();
                av_packet_rescale_ts(packet, in.streams(index).time_base(), out.streams(index + 1).time_base());
                packet.stream_index(index + 1);
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
            throw new IllegalStateException("cover art: " + step + " failed: " + Ffmpeg.describe(status));
        }
    }
}
