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
        return GaussianBlur.apply(Grid.wrap(prediction.height(), prediction.width(), normalised), sigma);
    }

    private static double[] flat(int size) {
        double[] half = new double[size];
        Arrays.fill(half, 0.5);
        return half;
    }
}
