package io.fixate.codec.host;

import io.fixate.api.VideoFrame;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;

/**
 * Converts the picture buffers hosts hand a plug-in into {@link VideoFrame}s (packed RGB, top row first). Each
 * conversion reads the host's buffer once, row by row, and writes straight into the frame's own storage. Chroma of
 * 4:2:0 formats is {@code ceil(width / 2) x ceil(height / 2)} samples, used nearest-neighbour (each chroma sample
 * colours a 2x2 block of pixels). Every method throws {@link IllegalArgumentException} naming the plane when a
 * buffer is too small for the size given, and when a dimension is not positive.
 */
public final class HostFrames {

    private HostFrames() {
    }

    /** A frame from 8-bit packed pixels in {@code layout}; alpha, where present, is dropped. */
    public static VideoFrame packed(Plane plane, int width, int height, PackedLayout layout, long timestampMicros) {
        requirePositive(width, height);
        int rowBytes = Math.multiplyExact(width, layout.bytesPerPixel());
        plane.requireRows(layout + " plane", rowBytes, height);
        if (layout == PackedLayout.RGB) {
            return VideoFrame.create(width, height, timestampMicros, out -> {
                for (int y = 0; y < height; y++) {
                    plane.copyRow(y, out, y * rowBytes, rowBytes);
                }
            });
        }
        return VideoFrame.create(width, height, timestampMicros, out -> {
            byte[] row = new byte[rowBytes];
            byte[] rgb = new byte[width * 3];
            for (int y = 0; y < height; y++) {
                plane.readRow(y, row, rowBytes);
                layout.toRgb(row, rgb, width);
                out.put(rgb);
            }
        });
    }

    /** A frame from planar 4:2:0 Y'CbCr with the planes in Y, U (Cb), V (Cr) order: I420, {@code yuv420p}. */
    public static VideoFrame i420(Plane y, Plane u, Plane v, int width, int height, YuvMatrix matrix,
                                  long timestampMicros) {
        requirePositive(width, height);
        int chromaWidth = half(width);
        y.requireRows("Y plane", width, height);
        u.requireRows("U plane", chromaWidth, half(height));
        v.requireRows("V plane", chromaWidth, half(height));
        return yuv420(y, u, 0, v, 0, 1, chromaWidth, width, height, matrix, timestampMicros);
    }

    /** A frame from planar 4:2:0 Y'CrCb with the planes in Y, V (Cr), U (Cb) order: YV12. */
    public static VideoFrame yv12(Plane y, Plane v, Plane u, int width, int height, YuvMatrix matrix,
                                  long timestampMicros) {
        return i420(y, u, v, width, height, matrix, timestampMicros);
    }

    /** A frame from a Y plane and an interleaved U, V (Cb, Cr) plane: NV12, the common hardware decoder output. */
    public static VideoFrame nv12(Plane y, Plane uv, int width, int height, YuvMatrix matrix, long timestampMicros) {
        requirePositive(width, height);
        int chromaRowBytes = 2 * half(width);
        y.requireRows("Y plane", width, height);
        uv.requireRows("UV plane", chromaRowBytes, half(height));
        return yuv420(y, uv, 0, uv, 1, 2, chromaRowBytes, width, height, matrix, timestampMicros);
    }

    /** A frame from a Y plane and an interleaved V, U (Cr, Cb) plane: NV21, Android's camera preview format. */
    public static VideoFrame nv21(Plane y, Plane vu, int width, int height, YuvMatrix matrix, long timestampMicros) {
        requirePositive(width, height);
        int chromaRowBytes = 2 * half(width);
        y.requireRows("Y plane", width, height);
        vu.requireRows("VU plane", chromaRowBytes, half(height));
        return yuv420(y, vu, 1, vu, 0, 2, chromaRowBytes, width, height, matrix, timestampMicros);
    }

    /** A frame from one 8-bit grey plane, each value copied to R, G and B. */
    public static VideoFrame gray(Plane y, int width, int height, long timestampMicros) {
        requirePositive(width, height);
        y.requireRows("gray plane", width, height);
        return VideoFrame.create(width, height, timestampMicros, out -> {
            byte[] luma = new byte[width];
            byte[] rgb = new byte[width * 3];
            for (int row = 0; row < height; row++) {
                y.readRow(row, luma, width);
                for (int x = 0, o = 0; x < width; x++, o += 3) {
                    rgb[o] = luma[x];
                    rgb[o + 1] = luma[x];
                    rgb[o + 2] = luma[x];
                }
                out.put(rgb);
            }
        });
    }

    /** The frame as an 8-bit RGB {@link BufferedImage} ({@code TYPE_3BYTE_BGR}), for hosts and tools that draw it. */
    public static BufferedImage toImage(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer rgb = frame.rgb();
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = rgb.get(i + 2);
            bgr[i + 1] = rgb.get(i + 1);
            bgr[i + 2] = rgb.get(i);
        }
        return image;
    }

    /**
     * A frame from any {@link BufferedImage}, with the colours {@link BufferedImage#getRGB} reports (sRGB, alpha
     * dropped). The common 8-bit BGR and integer RGB types are read directly from their rasters.
     */
    public static VideoFrame fromImage(BufferedImage image, long timestampMicros) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> fromBgrRaster(image.getRaster(), timestampMicros);
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> fromIntRaster(image.getRaster(),
                    timestampMicros);
            default -> fromAnyImage(image, timestampMicros);
        };
    }

    private static VideoFrame fromBgrRaster(WritableRaster raster, long timestampMicros) {
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
        int stride = model.getScanlineStride();
        // A sub-image shares its parent's buffer; its raster's translation says where its pixel (0, 0) lies.
        int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * stride
                - raster.getSampleModelTranslateX() * model.getPixelStride();
        Plane plane = new Plane(ByteBuffer.wrap(buffer.getData()), origin, stride);
        return packed(plane, raster.getWidth(), raster.getHeight(), PackedLayout.BGR, timestampMicros);
    }

    private static VideoFrame fromIntRaster(WritableRaster raster, long timestampMicros) {
        SinglePixelPackedSampleModel model = (SinglePixelPackedSampleModel) raster.getSampleModel();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int stride = model.getScanlineStride();
        int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * stride
                - raster.getSampleModelTranslateX();
        int[] pixels = buffer.getData();
        int width = raster.getWidth();
        return VideoFrame.create(width, raster.getHeight(), timestampMicros, out -> {
            byte[] rgb = new byte[width * 3];
            for (int y = 0; y < raster.getHeight(); y++) {
                argbToRgb(pixels, origin + y * stride, rgb, width);
                out.put(rgb);
            }
        });
    }

    /** Any other type goes through the image's colour model, one row at a time. */
    private static VideoFrame fromAnyImage(BufferedImage image, long timestampMicros) {
        int width = image.getWidth();
        return VideoFrame.create(width, image.getHeight(), timestampMicros, out -> {
            int[] argb = new int[width];
            byte[] rgb = new byte[width * 3];
            for (int y = 0; y < image.getHeight(); y++) {
                image.getRGB(0, y, width, 1, argb, 0, width);
                argbToRgb(argb, 0, rgb, width);
                out.put(rgb);
            }
        });
    }

    private static void argbToRgb(int[] argb, int first, byte[] rgb, int width) {
        for (int x = 0, o = 0; x < width; x++, o += 3) {
            int pixel = argb[first + x];
            rgb[o] = (byte) (pixel >> 16);
            rgb[o + 1] = (byte) (pixel >> 8);
            rgb[o + 2] = (byte) pixel;
        }
    }

    private static VideoFrame yuv420(Plane luma, Plane cbPlane, int cbFirst, Plane crPlane, int crFirst,
                                     int chromaStep, int chromaRowBytes, int width, int height, YuvMatrix matrix,
                                     long timestampMicros) {
        return VideoFrame.create(width, height, timestampMicros, out -> {
            byte[] lumaRow = new byte[width];
            byte[] cbRow = new byte[chromaRowBytes];
            byte[] crRow = new byte[chromaRowBytes];
            byte[] rgb = new byte[width * 3];
            for (int y = 0; y < height; y++) {
                if ((y & 1) == 0) {
                    cbPlane.readRow(y >> 1, cbRow, chromaRowBytes);
                    crPlane.readRow(y >> 1, crRow, chromaRowBytes);
                }
                luma.readRow(y, lumaRow, width);
                matrix.toRgb(lumaRow, cbRow, cbFirst, crRow, crFirst, chromaStep, rgb, width);
                out.put(rgb);
            }
        });
    }

    private static int half(int size) {
        return (size + 1) / 2;
    }

    private static void requirePositive(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame dimensions must be positive, got " + width + "x" + height);
        }
    }
}
