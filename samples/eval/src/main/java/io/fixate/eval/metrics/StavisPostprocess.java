package io.fixate.eval.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * The STAViS evaluation's {@code postprocessMap(netMap, sigma)} with {@code normalizeImage1}, applied to each
 * predicted map (read from a jpg with {@code im2double}, channel 1) before the metrics resize it to the ground truth:
 * <ol>
 *   <li>scale by 255 and clip to [0, 255];</li>
 *   <li>divide by the maximum and multiply by 255;</li>
 *   <li>min-max normalise to [0, 1]; a flat map becomes 0.5 everywhere, an all-zero map all NaN (0/0 in step 2);</li>
 *   <li>blur with {@code fspecial('gaussian', 2⌈3σ⌉+1, σ)} (13 × 13 at σ = 2) by
 *       {@code imfilter(..., 'symmetric', 'conv')}.</li>
 * </ol>
 * The Gaussian is applied as two normalised 1-D passes, which equals fspecial's normalised 2-D kernel up to rounding
 * (fspecial also zeroes weights below {@code eps·max}, which only exist for σ below about 0.2).
 */
public final class StavisPostprocess {

    /** The σ STAViS passes. */
    public static final double STAVIS_SIGMA = 2;

    private static final double BYTE_MAX = 255;

    private StavisPostprocess() {
    }

    /** {@link #apply(Grid, double)} with σ = 2, as STAViS runs it. */
    public static Grid apply(Grid prediction) {
        return apply(prediction, STAVIS_SIGMA);
    }

    /**
     * The post-processed map, same size as {@code prediction}.
     *
     * @throws IllegalArgumentException if σ is not positive or the prediction contains NaN
     */
    public static Grid apply(Grid prediction, double sigma) {
        Objects.requireNonNull(prediction, "prediction");
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        if (MapMath.hasNaN(prediction.values())) {
            throw new IllegalArgumentException("the prediction contains NaN");
        }
        double[] map = new double[prediction.size()];
        double[] raw = prediction.values();
        for (int i = 0; i < raw.length; i++) {
            map[i] = Math.min(BYTE_MAX, Math.max(0, BYTE_MAX * raw[i]));
        }
        double max = MapMath.max(map);
        if (max == 0) {
            Arrays.fill(map, Double.NaN);
            return Grid.wrap(prediction.height(), prediction.width(), map);
        }
        for (int i = 0; i < map.length; i++) {
            map[i] = map[i] / max * BYTE_MAX;
        }
        double[] normalised = MapMath.isConstant(map) ? flat(map.length) : MapMath.minMaxNormalised(map);
        return blur(Grid.wrap(prediction.height(), prediction.width(), normalised), sigma);
    }

    private static double[] flat(int size) {
        double[] half = new double[size];
        Arrays.fill(half, 0.5);
        return half;
    }

    /** Normalised Gaussian convolution with mirrored borders, separably: along rows, then along columns. */
    private static Grid blur(Grid map, double sigma) {
        double[] kernel = gaussian(sigma);
        int radius = kernel.length / 2;
        int height = map.height();
        int width = map.width();
        double[] in = map.values();
        double[] across = new double[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * in[y * width + MatlabResize.Boundary.SYMMETRIC.map(x - k, width)];
                }
                across[y * width + x] = sum;
            }
        }
        double[] out = new double[in.length];
        for (int y = 0; y < height; y++) {
            for (int k = -radius; k <= radius; k++) {
                double w = kernel[k + radius];
                int from = MatlabResize.Boundary.SYMMETRIC.map(y - k, height) * width;
                for (int x = 0; x < width; x++) {
                    out[y * width + x] += w * across[from + x];
                }
            }
        }
        return Grid.wrap(height, width, out);
    }

    /** The 1-D factor of {@code fspecial('gaussian', 2⌈3σ⌉+1, σ)}, normalised to sum 1. */
    static double[] gaussian(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-(k * (double) k) / (2 * sigma * sigma));
        }
        double sum = MapMath.sum(kernel);
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        return kernel;
    }
}
