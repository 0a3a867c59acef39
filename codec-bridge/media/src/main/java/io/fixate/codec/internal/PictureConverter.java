package io.fixate.codec.internal;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EINVAL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getColorspaceDetails;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Turns decoded pictures of any pixel format (8 or 10 bits, planar or packed, interlaced or not) into packed RGB of
 * one fixed size, the way FFmpeg's command line does by default: bicubic swscale with the picture's own YUV matrix
 * and range (BT.709 for HD video, full range for JPEG-style YUV), so that the frames equal what {@code ffmpeg
 * -pix_fmt rgb24} writes. A picture of another size (a resolution change mid-stream) is scaled to the fixed size.
 * Not thread-safe.
 */
public final class PictureConverter implements AutoCloseable {

    private final int width;
    private final int height;
    private final AVFrame rgb = av_frame_alloc();
    private SwsContext scaler;
    /** The scaler, matrix and range the colour details were last set for; setting them rebuilds swscale's tables. */
    private long detailsScaler;
    private int detailsMatrix = -1;
    private int detailsRange = -1;
    private boolean closed;

    /**
     * @param width  width of every picture this converter gives out
     * @param height height of every picture this converter gives out
     * @throws FfmpegError when FFmpeg cannot allocate a picture of that size
     */
    public PictureConverter(int width, int height) throws FfmpegError {
        this.width = width;
        this.height = height;
        rgb.format(AV_PIX_FMT_RGB24);
        rgb.width(width);
        rgb.height(height);
        // Alignment 1 leaves rows unpadded, so that a frame is one copy out of the native buffer.
        int status = av_frame_get_buffer(rgb, 1);
        if (status < 0) {
            close();
            throw new FfmpegError("allocating a " + width + "x" + height + " RGB picture", status);
        }
    }

    /**
     * Converts the picture of {@code frame}; {@link #pixels()} then holds it.
     *
     * @throws FfmpegError when swscale cannot convert the picture's format
     */
    public void convert(AVFrame frame) throws FfmpegError {
        scaler = sws_getCachedContext(scaler, frame.width(), frame.height(), frame.format(), width, height,
                AV_PIX_FMT_RGB24, SWS_BICUBIC, null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new FfmpegError("converting a " + frame.width() + "x" + frame.height() + " picture to RGB",
                    AVERROR_EINVAL());
        }
        useColourspaceOf(frame);
        FfmpegError.check(sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), rgb.data(),
                rgb.linesize()), "converting a picture to RGB");
    }

    /**
     * The last converted picture: packed RGB rows of this converter's size without padding, valid until the next
     * {@link #convert} or {@link #close()}.
     */
    public ByteBuffer pixels() {
        return rgb.data(0).capacity((long) width * height * 3).asByteBuffer();
    }

    /**
     * The YUV matrix and range the picture declares, as FFmpeg's scale filter sets them; an unspecified matrix is
     * BT.601 and an unspecified range is the one the pixel format implies.
     */
    private void useColourspaceOf(AVFrame frame) {
        if (scaler.address() == detailsScaler && frame.colorspace() == detailsMatrix
                && frame.color_range() == detailsRange) {
            return;
        }
        detailsScaler = scaler.address();
        detailsMatrix = frame.colorspace();
        detailsRange = frame.color_range();
        try (PointerPointer<IntPointer> inverse = new PointerPointer<>(1);
             PointerPointer<IntPointer> table = new PointerPointer<>(1);
             IntPointer sourceFull = new IntPointer(1);
             IntPointer targetFull = new IntPointer(1);
             IntPointer brightness = new IntPointer(1);
             IntPointer contrast = new IntPointer(1);
             IntPointer saturation = new IntPointer(1)) {
            // The current details hold the range that the pixel format implies (yuvj formats are full range).
            if (sws_getColorspaceDetails(scaler, inverse, sourceFull, table, targetFull, brightness, contrast,
                    saturation) < 0) {
                return; // not a YUV source: there is no matrix to choose
            }
            int range = frame.color_range();
            int full = range == AVCOL_RANGE_UNSPECIFIED ? sourceFull.get() : range == AVCOL_RANGE_JPEG ? 1 : 0;
            IntPointer matrix = sws_getCoefficients(frame.colorspace());
            sws_setColorspaceDetails(scaler, matrix, full, matrix, targetFull.get(), brightness.get(),
                    contrast.get(), saturation.get());
        }
    }

    /** Frees the scaler and the RGB picture; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scaler != null) {
            sws_freeContext(scaler);
        }
        av_frame_unref(rgb);
        av_frame_free(rgb);
    }
}
