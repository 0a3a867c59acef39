package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_DATA_REGIONS_OF_INTEREST;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_new_side_data;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_remove_side_data;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.fixate.codec.internal.FfmpegError;
import io.fixate.codec.roi.RoiRegion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVFrameSideData;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.avutil.AVRegionOfInterest;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Encodes packed RGB pictures as YUV 4:2:0 video with the first encoder of a {@link VideoEncoding} that this FFmpeg
 * build has, optionally with regions of interest attached to each picture as side data. 4:2:0 needs even dimensions,
 * so an odd-sized picture is padded by one column and/or row that repeats its edge; the video is then one pixel wider
 * or taller than the source, with no pixel of the source resampled.
 */
final class VideoEncoder implements AutoCloseable {

    private static final int MIN_CODED_SIDE = 16;
    private static final double BITS_PER_PIXEL = 0.15;
    private static final long MIN_BIT_RATE = 400_000;
    /** Above this OpenH264 refuses some levels, and nothing a heatmap shows needs more. */
    private static final long MAX_BIT_RATE = 50_000_000;
    /** qoffset denominator: a thousandth of the encoder's range, finer than any encoder's quantiser step. */
    private static final int QOFFSET_DENOMINATOR = 1000;
    /** One frame period, in the codec time base of 1 / frame rate. */
    private static final long ONE_FRAME = 1;

    private final EncodedStream stream;
    private final String codecName;
    private final VideoEncoding encoding;
    private final long bitRate;
    private final int width;
    private final int height;
    private final FrameSlots slots;
    private final AVFrame rgb;
    private final AVFrame yuv;
    private final SwsContext converter;
    /** One padded row of packed RGB, staged between the frame's buffer and FFmpeg's. */
    private final byte[] row;

    private VideoEncoder(EncodedStream stream, String codecName, VideoEncoding encoding, int width, int height,
                         FrameSlots slots) throws IOException {
        this.stream = stream;
        this.codecName = codecName;
        this.encoding = encoding;
        this.bitRate = stream.context().bit_rate();
        this.width = width;
        this.height = height;
        this.slots = slots;
        int paddedWidth = stream.context().width();
        int paddedHeight = stream.context().height();
        this.row = new byte[paddedWidth * 3];
        this.rgb = pictureFrame(AV_PIX_FMT_RGB24, paddedWidth, paddedHeight);
        this.yuv = pictureFrame(AV_PIX_FMT_YUV420P, paddedWidth, paddedHeight);
        this.converter = sws_getContext(paddedWidth, paddedHeight, AV_PIX_FMT_RGB24, paddedWidth, paddedHeight,
                AV_PIX_FMT_YUV420P, SWS_BILINEAR, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (rgb == null || yuv == null || converter == null) {
            close();
            throw new IOException("cannot allocate buffers for " + paddedWidth + "x" + paddedHeight + " video");
        }
    }

    /**
     * Adds a video stream for {@code width} × {@code height} pictures at a nominal {@code frameRate}, of pixels
     * {@code pixelAspect} times as wide as high, to the muxer.
     */
    static VideoEncoder open(MediaMuxer muxer, int width, int height, double frameRate, double pixelAspect,
                             VideoEncoding encoding) throws IOException {
        AVRational rate = av_d2q(frameRate, 65_535); // MPEG-4 part 2 allows time base denominators up to 2^16 - 1
        AVRational aspect = av_d2q(pixelAspect, 255); // the largest terms MPEG-4 part 2 can signal
        IOException lastFailure = null;
        for (String name : encoding.encoders()) {
            AVCodec codec = avcodec_find_encoder_by_name(name);
            if (codec == null || codec.isNull()) {
                continue;
            }
            EncodedStream stream;
            try {
                stream = EncodedStream.open(muxer, codec, ONE_FRAME, context -> {
                    context.width(codedSize(width));
                    context.height(codedSize(height));
                    context.pix_fmt(AV_PIX_FMT_YUV420P);
                    context.colorspace(AVCOL_SPC_SMPTE170M);
                    context.color_range(AVCOL_RANGE_MPEG);
                    context.framerate(rate);
                    context.time_base(av_inv_q(rate));
                    context.sample_aspect_ratio(aspect); // copied to the stream, whose muxer records it
                    rateControl(context, encoding, width, height, frameRate);
                    encoding.options().forEach((key, value) -> av_opt_set(context.priv_data(), key, value, 0));
                });
            } catch (IOException e) {
                lastFailure = e;
                continue;
            }
            return new VideoEncoder(stream, name, encoding, width, height, new FrameSlots(rate.num(), rate.den()));
        }
        throw lastFailure != null ? lastFailure : new IOException("this FFmpeg build has none of the video encoders "
                + encoding.encoders());
    }

    /**
     * A bit rate proportional to the picture, or the encoding's own held constant (minimum, maximum and a one-second
     * buffer at the target: libvpx then runs its CBR mode, x264 and x265 a VBV-bounded one).
     */
    private static void rateControl(AVCodecContext context, VideoEncoding encoding, int width, int height,
                                    double frameRate) {
        if (encoding.bitRate() == 0) {
            context.bit_rate(bitRate(width, height, frameRate));
        } else {
            context.bit_rate(encoding.bitRate());
            context.rc_min_rate(encoding.bitRate());
            context.rc_max_rate(encoding.bitRate());
            context.rc_buffer_size((int) Math.min(Integer.MAX_VALUE, encoding.bitRate()));
        }
        if (encoding.keyframeEvery() > 0) {
            context.gop_size((int) Math.max(1, Math.round(encoding.keyframeEvery() * frameRate)));
        }
    }

    private static long bitRate(int width, int height, double frameRate) {
        long proportional = Math.round(width * (double) height * frameRate * BITS_PER_PIXEL);
        return Math.min(MAX_BIT_RATE, Math.max(MIN_BIT_RATE, proportional));
    }

    /**
     * The size a side is coded at: even, as 4:2:0 chroma needs, and at least one macroblock, below which OpenH264
     * refuses to encode. The extra columns and rows repeat the picture's edge.
     */
    private static int codedSize(int size) {
        return Math.max(MIN_CODED_SIDE, size + (size & 1));
    }

    /** A picture with its own buffers, or {@code null} if they cannot be allocated. */
    private static AVFrame pictureFrame(int format, int width, int height) {
        AVFrame frame = av_frame_alloc();
        if (frame == null) {
            return null;
        }
        frame.format(format).width(width).height(height);
        if (av_frame_get_buffer(frame, 0) < 0) {
            av_frame_free(frame);
            return null;
        }
        return frame;
    }

    /** The FFmpeg name of the encoder in use. */
    String codecName() {
        return codecName;
    }

    /** The bit rate the encoder targets, in bits per second; known after {@link #close()} too. */
    long bitRate() {
        return bitRate;
    }

    /**
     * Encodes one picture in {@link io.fixate.api.VideoFrame}'s packed RGB layout at the size given to
     * {@link #open}, with {@code regions} (in pixels of that picture) attached when the encoding reads them;
     * pictures must come in presentation order.
     */
    void encode(ByteBuffer packedRgb, long timestampMicros, List<RoiRegion> regions) throws IOException {
        copyPadded(packedRgb);
        FfmpegError.check(av_frame_make_writable(yuv), "preparing a video frame");
        sws_scale(converter, rgb.data(), rgb.linesize(), 0, rgb.height(), yuv.data(), yuv.linesize());
        yuv.pts(slots.place(timestampMicros));
        av_frame_remove_side_data(yuv, AV_FRAME_DATA_REGIONS_OF_INTEREST);
        if (encoding.readsRegions() && !regions.isEmpty()) {
            attach(regions);
        }
        stream.send(yuv);
    }

    /** Attaches the regions as {@code AVRegionOfInterest} side data, in their order (the first match wins). */
    private void attach(List<RoiRegion> regions) throws IOException {
        int size = Pointer.sizeof(AVRegionOfInterest.class);
        AVFrameSideData side = av_frame_new_side_data(yuv, AV_FRAME_DATA_REGIONS_OF_INTEREST,
                (long) size * regions.size());
        if (side == null || side.isNull()) {
            throw new IOException("cannot allocate the regions of interest of a frame");
        }
        AVRegionOfInterest region = new AVRegionOfInterest(side.data());
        for (int i = 0; i < regions.size(); i++) {
            RoiRegion roi = regions.get(i);
            int numerator = (int) Math.round(roi.qoffset(encoding.roiQpRange()) * QOFFSET_DENOMINATOR);
            region.position(i).self_size(size).top(roi.top()).bottom(roi.bottom()).left(roi.left())
                    .right(roi.right()).qoffset(av_make_q(numerator, QOFFSET_DENOMINATOR));
        }
    }

    private void copyPadded(ByteBuffer packedRgb) {
        BytePointer pixels = rgb.data(0);
        int lineSize = rgb.linesize(0);
        int rowBytes = width * 3;
        for (int y = 0; y < rgb.height(); y++) {
            packedRgb.get(Math.min(y, height - 1) * rowBytes, row, 0, rowBytes);
            for (int padding = rowBytes; padding < row.length; padding += 3) {
                System.arraycopy(row, rowBytes - 3, row, padding, 3);
            }
            pixels.position((long) y * lineSize).put(row, 0, row.length);
        }
    }

    /** Whether pictures carry their regions of interest to the encoder. */
    boolean readsRegions() {
        return encoding.readsRegions();
    }

    /** Drains the frames the encoder still holds. */
    void finish() throws IOException {
        stream.send(null);
    }

    @Override
    public void close() {
        sws_freeContext(converter);
        av_frame_free(yuv);
        av_frame_free(rgb);
        stream.close();
    }
}
