package io.fixate.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One decoded picture, immutable.
 *
 * <p>Canonical layout: packed 8-bit RGB, three bytes per pixel in R, G, B order, rows from top to bottom, no row
 * padding; the byte of channel {@code c} of pixel {@code (x, y)} is at {@code (y * width + x) * 3 + c}. Host buffers in
 * other layouts are converted by the codec bridge's adapters.
 */
public final class VideoFrame {

    /** Writes the pixels of a new frame into the buffer it is given, in the canonical layout. */
    @FunctionalInterface
    public interface PixelWriter {
        /** @param rgb a writable buffer of exactly {@code width * height * 3} bytes, positioned at 0 */
        void write(ByteBuffer rgb);
    }

    private final int width;
    private final int height;
    private final long timestampMicros;
    private final byte[] rgb;

    private VideoFrame(int width, int height, long timestampMicros, byte[] rgb) {
        this.width = width;
        this.height = height;
        this.timestampMicros = timestampMicros;
        this.rgb = rgb;
    }

    /**
     * A frame from canonical RGB bytes, which are copied.
     *
     * @throws IllegalArgumentException if a dimension is not positive or {@code rgb} has the wrong length
     */
    public static VideoFrame ofRgb(int width, int height, long timestampMicros, byte[] rgb) {
        Objects.requireNonNull(rgb, "rgb");
        int size = byteCount(width, height);
        if (rgb.length != size) {
            throw new IllegalArgumentException(
                    "RGB data of a " + width + "x" + height + " frame must hold " + size + " bytes, got " + rgb.length);
        }
        return new VideoFrame(width, height, timestampMicros, rgb.clone());
    }

    /**
     * A frame whose pixels are written once by {@code writer} into storage the frame then owns; this avoids the copy
     * that {@link #ofRgb} makes and is what converters use.
     */
    public static VideoFrame create(int width, int height, long timestampMicros, PixelWriter writer) {
        Objects.requireNonNull(writer, "writer");
        byte[] rgb = new byte[byteCount(width, height)];
        writer.write(ByteBuffer.wrap(rgb));
        return new VideoFrame(width, height, timestampMicros, rgb);
    }

    private static int byteCount(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame dimensions must be positive, got " + width + "x" + height);
        }
        long size = 3L * width * height;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("frame of " + width + "x" + height + " is too large");
        }
        return (int) size;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Presentation time in microseconds from the start of the stream. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** The pixels, read-only and without copying, in the canonical layout. */
    public ByteBuffer rgb() {
        return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
    }

    /** A copy of the pixels in the canonical layout. */
    public byte[] copyRgb() {
        return rgb.clone();
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel {@code (x, y)}, in 0..255. */
    public int channel(int x, int y, int c) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        Objects.checkIndex(c, 3);
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    /** The same pixels at another presentation time. */
    public VideoFrame withTimestamp(long newTimestampMicros) {
        return new VideoFrame(width, height, newTimestampMicros, rgb);
    }

    @Override
    public String toString() {
        return "VideoFrame[" + width + "x" + height + " @" + timestampMicros + "us]";
    }
}
