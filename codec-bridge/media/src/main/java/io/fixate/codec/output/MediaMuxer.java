package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import io.fixate.codec.internal.Ffmpeg;
import io.fixate.codec.internal.FfmpegError;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** One output file being muxed by FFmpeg: streams are added, then the header, packets and trailer are written. */
final class MediaMuxer implements AutoCloseable {

    static {
        Ffmpeg.ensureLoaded();
    }

    private final AVFormatContext context;

    private MediaMuxer(AVFormatContext context) {
        this.context = context;
    }

    /**
     * Opens {@code file} for writing in the container FFmpeg calls {@code formatName}; the file's own name plays no
     * part, so a temporary name works.
     */
    static MediaMuxer open(Path file, String formatName) throws IOException {
        AVFormatContext context = new AVFormatContext(null);
        FfmpegError.check(avformat_alloc_output_context2(context, null, formatName, file.toString()),
                "allocating the " + formatName + " muxer");
        MediaMuxer muxer = new MediaMuxer(context);
        try {
            AVIOContext io = new AVIOContext(null);
            FfmpegError.check(avio_open(io, Ffmpeg.fileUrl(file), AVIO_FLAG_WRITE), "opening the output file");
            context.pb(io);
        } catch (IOException e) {
            muxer.close();
            throw e;
        }
        return muxer;
    }

    AVStream newStream() throws IOException {
        AVStream stream = avformat_new_stream(context, null);
        if (stream == null || stream.isNull()) {
            throw new IOException("adding a stream to the muxer failed");
        }
        return stream;
    }

    /** Whether encoders must put their parameter sets in the container header rather than in the stream. */
    boolean wantsGlobalHeaders() {
        return (context.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
    }

    /** Call once every stream has its codec parameters; the muxer may change the streams' time bases. */
    void writeHeader() throws IOException {
        FfmpegError.check(avformat_write_header(context, (AVDictionary) null), "writing the container header");
    }

    /** Writes a packet whose timestamps are in its stream's time base; takes over the packet's data. */
    void write(AVPacket packet) throws IOException {
        FfmpegError.check(av_interleaved_write_frame(context, packet), "writing a packet");
    }

    void writeTrailer() throws IOException {
        FfmpegError.check(av_write_trailer(context), "writing the container trailer");
    }

    @Override
    public void close() {
        if (context.pb() != null && !context.pb().isNull()) {
            avio_closep(context.pb());
            context.pb(null);
        }
        avformat_free_context(context);
    }
}
