package io.fixate.spi.djl;

/**
 * Bilinear resizing of one row-major plane of floats with half-pixel centres, PyTorch's {@code interpolate(mode =
 * "bilinear", align_corners = False)}: output cell {@code d} samples the source at {@code (d + 0.5) · in / out - 0.5},
 * clamped to 0 below and to the last cell above, and interpolates between the two nearest source cells. Like PyTorch
 * without antialiasing, shrinking samples rather than averages. Plain Java, no native memory.
 *
 * <p>{@link io.fixate.api.FixationMap#resized} follows the same rule for maps. It is a second implementation on
 * purpose: the api depends on nothing and keeps resampling helpers out of its stable contract, while this one resizes
 * planes of any range (class activation maps, scores) and samples frames' interleaved bytes in place;
 * {@code PlaneResizeTest} holds the two to the same results.
 */
public final class PlaneResize {

    private PlaneResize() {
    }

    /**
     * A plane read one cell at a time, so that a resize can sample a frame's interleaved bytes where they are instead
     * of converting every pixel first: shrinking a 4K frame reads four source cells per output cell and no more.
     */
    @FunctionalInterface
    public interface Cells {
        /** The value of the cell at row-major {@code index}. */
        float at(int index);
    }

    /**
     * {@code plane}, {@code width} × {@code height} row-major, resized to {@code newWidth} × {@code newHeight}; a new
     * array, also when the size does not change.
     *
     * @throws IllegalArgumentException if a dimension is not positive or the plane does not have width × height
     *                                  values
     */
    public static float[] bilinear(float[] plane, int width, int height, int newWidth, int newHeight) {
        requirePositive(width, height);
        requirePositive(newWidth, newHeight);
        if (plane.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " plane needs " + width * height
                    + " values, got " + plane.length);
        }
        return bilinear(index -> plane[index], width, height, newWidth, newHeight);
    }

    /**
     * The {@code width} × {@code height} plane whose cells {@code plane} reads, resized to {@code newWidth} ×
     * {@code newHeight}. {@code plane} is asked only for indices below width × height.
     *
     * @throws IllegalArgumentException if a dimension is not positive
     */
    public static float[] bilinear(Cells plane, int width, int height, int newWidth, int newHeight) {
        requirePositive(width, height);
        requirePositive(newWidth, newHeight);
        Taps columns = Taps.of(width, newWidth);
        Taps rows = Taps.of(height, newHeight);
        float[] result = new float[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int topRow = rows.first[y] * width;
            int bottomRow = rows.second[y] * width;
            for (int x = 0; x < newWidth; x++) {
                int left = columns.first[x];
                int right = columns.second[x];
                double fx = columns.secondWeight[x];
                double top = lerp(plane.at(topRow + left), plane.at(topRow + right), fx);
                double bottom = lerp(plane.at(bottomRow + left), plane.at(bottomRow + right), fx);
                result[y * newWidth + x] = (float) lerp(top, bottom, rows.secondWeight[y]);
            }
        }
        return result;
    }

    private static void requirePositive(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map dimensions must be positive, got " + width + "x" + height);
        }
    }

    private static double lerp(double first, double second, double secondWeight) {
        return first * (1 - secondWeight) + second * secondWeight;
    }

    /** Per output index along one axis: the two source indices it interpolates and the weight of the second. */
    private record Taps(int[] first, int[] second, double[] secondWeight) {

        static Taps of(int in, int out) {
            int[] first = new int[out];
            int[] second = new int[out];
            double[] secondWeight = new double[out];
            double scale = (double) in / out;
            for (int d = 0; d < out; d++) {
                double position = Math.max(0, (d + 0.5) * scale - 0.5);
                first[d] = Math.min((int) position, in - 1);
                second[d] = Math.min(first[d] + 1, in - 1);
                secondWeight[d] = position - first[d];
            }
            return new Taps(first, second, secondWeight);
        }
    }
}
