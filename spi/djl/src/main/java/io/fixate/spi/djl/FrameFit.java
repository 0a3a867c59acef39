package io.fixate.spi.djl;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a frame of any aspect ratio is laid into a net's square S × S input, hence where the frame lies in the net's
 * square output map: the one rule that {@link FramePreprocessor} (frames), the training targets and the crop of a
 * predicted map back to the frame all follow, through {@link #content}.
 */
public enum FrameFit {

    /** Stretched over the whole square, the aspect ratio lost (the reference's {@code Resize}). */
    SQUASH,

    /**
     * Scaled to fit inside the square with its aspect ratio kept, centred; the border is neutral grey in frames
     * ({@link FramePreprocessor#BORDER_GREY}) and zero in target maps, and cropped off predicted maps.
     */
    PAD;

    /** The name settings and manifests use: {@code squash} or {@code pad}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The fit named {@code key} ({@link #key()}).
     *
     * @throws IllegalArgumentException for any other name; the message lists the known ones
     */
    public static FrameFit ofKey(String key) {
        for (FrameFit fit : values()) {
            if (fit.key().equals(key)) {
                return fit;
            }
        }
        throw new IllegalArgumentException("unknown frame fit '" + key + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(FrameFit::key).toList()));
    }

    /**
     * Where a {@code width} × {@code height} frame lies in a {@code size} × {@code size} square. Padding keeps equal
     * margins on opposite sides (the content's side is rounded to the parity of the square's), so a left-right flip
     * of the square maps the content rectangle onto itself.
     *
     * @throws IllegalArgumentException if a dimension is not positive
     */
    public ContentRectangle content(int width, int height, int size) {
        if (width <= 0 || height <= 0 || size <= 0) {
            throw new IllegalArgumentException("need positive dimensions, got a " + width + "x" + height
                    + " frame in a square of " + size);
        }
        if (this == SQUASH) {
            return new ContentRectangle(0, 0, size, size);
        }
        double scale = Math.min((double) size / width, (double) size / height);
        int left = margin(size, width * scale);
        int top = margin(size, height * scale);
        return new ContentRectangle(left, top, size - 2 * left, size - 2 * top);
    }

    /** The margin either side of {@code extent} centred on {@code size} cells, leaving at least one cell. */
    private static int margin(int size, double extent) {
        return Math.min((int) Math.round((size - extent) / 2), (size - 1) / 2);
    }

    /**
     * The cells a frame covers in a square: columns {@code left} to {@code left + width - 1}, rows {@code top} to
     * {@code top + height - 1}.
     */
    public record ContentRectangle(int left, int top, int width, int height) {

        /** @throws IllegalArgumentException for a negative offset or an empty rectangle */
        public ContentRectangle {
            if (left < 0 || top < 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("not a content rectangle: " + width + "x" + height + " at ("
                        + left + ", " + top + ")");
            }
        }

        /**
         * A {@code size} × {@code size} row-major square holding {@code content} ({@code width} × {@code height},
         * row-major) in this rectangle and {@code border} everywhere else.
         *
         * @throws IllegalArgumentException if the content has another number of cells or the rectangle does not fit
         */
        public float[] placed(float[] content, int size, float border) {
            requireInside(size);
            if (content.length != width * height) {
                throw new IllegalArgumentException("a " + width + "x" + height + " content needs " + width * height
                        + " values, got " + content.length);
            }
            float[] square = new float[size * size];
            if (width < size || height < size) {
                Arrays.fill(square, border);
            }
            for (int y = 0; y < height; y++) {
                System.arraycopy(content, y * width, square, (top + y) * size + left, width);
            }
            return square;
        }

        /**
         * The cells of this rectangle of the {@code size} × {@code size} row-major {@code square}, row-major.
         *
         * @throws IllegalArgumentException if the square has another number of cells or the rectangle does not fit
         */
        public float[] cropped(float[] square, int size) {
            requireInside(size);
            if (square.length != size * size) {
                throw new IllegalArgumentException("a square of " + size + " needs " + size * size + " values, got "
                        + square.length);
            }
            float[] content = new float[width * height];
            for (int y = 0; y < height; y++) {
                System.arraycopy(square, (top + y) * size + left, content, y * width, width);
            }
            return content;
        }

        private void requireInside(int size) {
            if (left + width > size || top + height > size) {
                throw new IllegalArgumentException(width + "x" + height + " at (" + left + ", " + top
                        + ") does not fit in a square of " + size);
            }
        }
    }
}
