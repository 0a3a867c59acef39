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
            int topRow = rows.first[y] * source.width();
            int bottomRow = rows.second[y] * source.width();
            for (int x = 0; x < width; x++) {
                int left = columns.first[x];
                int right = columns.second[x];
                double fx = columns.secondWeight[x];
                double top = lerp(source.at(topRow + left), source.at(topRow + right), fx);
                double bottom = lerp(source.at(bottomRow + left), source.at(bottomRow + right), fx);
                result[y * width + x] = (float) lerp(top, bottom, rows.secondWeight[y]);
            }
        }
        return CamMap.wrap(width, height, result);
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
