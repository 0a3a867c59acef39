package io.fixate.samples.baseline;

/**
 * The classic-baseline rule on the working grid; {@link ClassicBaselineProvider} documents it as a formula. All
 * constants are fixed by hand, none is learned.
 */
final class SaliencyRule {

    /** Contrast and motion below this (in [0, 1] intensity units) are noise, not a reason to look. */
    static final float NOISE_FLOOR = 0.02f;
    static final double CONTRAST_WEIGHT = 1.0;
    /** Motion weight in silence; it grows linearly with loudness up to {@link #LOUD_MOTION_WEIGHT}. */
    static final double SILENT_MOTION_WEIGHT = 0.3;
    static final double LOUD_MOTION_WEIGHT = 1.5;
    /** Standard deviation of the centre-bias Gaussian as a fraction of the frame's width and of its height. */
    static final double CENTRE_SIGMA = 0.25;

    private final double centreBias;

    /** @param centreBias share of the centre-bias Gaussian in the final mix, in [0, 1] */
    SaliencyRule(double centreBias) {
        this.centreBias = centreBias;
    }

    /**
     * The saliency scores of the frame {@code now}, from it and its neighbours (the same planes at the edges of a
     * stream) and the loudness of its audio window.
     */
    ValueGrid scores(OpponentPlanes before, OpponentPlanes now, OpponentPlanes after, double loudness) {
        int fine = fineRadius(now);
        ValueGrid contrast = contrast(now, fine, 4 * fine).normalised(NOISE_FLOOR);
        ValueGrid motion = motion(before, now, after).boxBlur(fine).normalised(NOISE_FLOOR);
        double motionWeight = motionWeight(loudness);
        ValueGrid features = contrast.times(CONTRAST_WEIGHT).plus(motion.times(motionWeight))
                .times(1 / (CONTRAST_WEIGHT + motionWeight));
        return features.times(1 - centreBias).plus(centreGaussian(now.width(), now.height()).times(centreBias));
    }

    /** About 1/32 of the grid's longer side, at least one cell: the scale of an object worth looking at. */
    static int fineRadius(OpponentPlanes planes) {
        return Math.max(1, (int) Math.round(Math.max(planes.width(), planes.height()) / 32.0));
    }

    static double motionWeight(double loudness) {
        return SILENT_MOTION_WEIGHT + (LOUD_MOTION_WEIGHT - SILENT_MOTION_WEIGHT) * loudness;
    }

    /** Centre-surround difference summed over the three planes: what stands out from its neighbourhood. */
    static ValueGrid contrast(OpponentPlanes planes, int fineRadius, int coarseRadius) {
        return centreSurround(planes.luminance(), fineRadius, coarseRadius)
                .plus(centreSurround(planes.redGreen(), fineRadius, coarseRadius))
                .plus(centreSurround(planes.blueYellow(), fineRadius, coarseRadius));
    }

    private static ValueGrid centreSurround(ValueGrid plane, int fineRadius, int coarseRadius) {
        return plane.boxBlur(fineRadius).absDifference(plane.boxBlur(coarseRadius));
    }

    /** Mean absolute luminance change to the previous and to the next frame. */
    static ValueGrid motion(OpponentPlanes before, OpponentPlanes now, OpponentPlanes after) {
        ValueGrid luminance = now.luminance();
        return luminance.absDifference(before.luminance()).plus(luminance.absDifference(after.luminance()))
                .times(0.5);
    }

    /** exp(−((u − ½)² + (v − ½)²) / 2σ²) at each cell centre (u, v) in normalised frame coordinates. */
    static ValueGrid centreGaussian(int width, int height) {
        float[] values = new float[width * height];
        double twoSigmaSquared = 2 * CENTRE_SIGMA * CENTRE_SIGMA;
        for (int y = 0; y < height; y++) {
            double dv = (y + 0.5) / height - 0.5;
            for (int x = 0; x < width; x++) {
                double du = (x + 0.5) / width - 0.5;
                values[y * width + x] = (float) Math.exp(-(du * du + dv * dv) / twoSigmaSquared);
            }
        }
        return new ValueGrid(width, height, values);
    }
}
