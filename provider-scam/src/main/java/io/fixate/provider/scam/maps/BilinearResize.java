package io.fixate.provider.scam.maps;

/**
 * Bilinear resizing with half-pixel centres, the {@code up(·)} of the reference (PyTorch {@code interpolate(mode =
 * "bilinear", align_corners = False)}, fact sheet notation): output cell {@code d} samples the source at
 * {@code (d + 0.5) · in / out - 0.5}, clamped to 0 below and to the last cell above, and interpolates between the two
 * nearest source cells. Like PyTorch without antialiasing, shrinking samples rather than averages.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    /**
     * {@code source} resized to {@code width} × {@code height}.
     *
     * @throws IllegalArgumentException if a target dimension is not positive
     */
    public static CamMap resize(CamMap source, int width, int height) {
        CamMap.requirePositiveSize(width, height);
        Taps columns = Taps.of(source.width(), width);
        Taps rows = Taps.of(source.height(), height);
        float[] result = new float[width * height];
        for (int y = 0; y < height; y++) {
            int upperRow = rows.lower[y] * source.width();
            int lowerRow = rows.upper[y] * source.width();
            double fy = rows.upperWeight[y];
            for (int x = 0; x < width; x++) {
                double fx = columns.upperWeight[x];
                double top = source.at(upperRow + columns.lower[x]) * (1 - fx) + source.at(upperRow + columns.upper[x]) * fx;
                double bottom =
                        source.at(lowerRow + columns.lower[x]) * (1 - fx) + source.at(lowerRow + columns.upper[x]) * fx;
                result[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return CamMap.wrap(width, height, result);
    }

    /** Per output index along one axis: the two source indices it interpolates and the weight of the upper one. */
    private record Taps(int[] lower, int[] upper, double[] upperWeight) {

        static Taps of(int in, int out) {
            int[] lower = new int[out];
            int[] upper = new int[out];
            double[] upperWeight = new double[out];
            double scale = (double) in / out;
            for (int d = 0; d < out; d++) {
                double position = Math.max(0, (d + 0.5) * scale - 0.5);
                lower[d] = Math.min((int) position, in - 1);
                upper[d] = Math.min(lower[d] + 1, in - 1);
                upperWeight[d] = position - lower[d];
            }
            return new Taps(lower, upper, upperWeight);
        }
    }
}
