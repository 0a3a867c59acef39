package io.fixate.eval.metrics;

import java.util.Objects;

/**
 * How the metrics run: the convention, how the MIT resize reads beyond the border, whether AUC-Judd jitters, and the
 * seed of the two randomised steps. Each randomised metric call starts its own
 * {@link java.util.SplittableRandom#SplittableRandom(long) SplittableRandom(seed)}, so a frame scores the same
 * however often and in whatever order it is evaluated. The reference implementations draw from unseeded (MIT) or
 * differently seeded (pysaliency) generators, so randomised scores match them only statistically.
 *
 * @param convention whose rules to follow
 * @param boundary   how {@link MatlabResize} reads taps outside the prediction (MIT only; pysaliency never resizes)
 * @param jitter     whether AUC-Judd adds noise of amplitude 1e-7 to break ties before the ROC: uniform
 *                   {@code U[0,1)/1e7} under MIT, Gaussian {@code N(0,1)·1e-7} under pysaliency; off by default,
 *                   which makes AUC-Judd exact
 * @param seed       seed of the AUC-Judd jitter and of the shuffled-AUC splits
 */
public record MetricOptions(Convention convention, MatlabResize.Boundary boundary, boolean jitter, long seed) {

    public MetricOptions {
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(boundary, "boundary");
    }

    /** MIT/STAViS rules, symmetric resize boundary (current Matlab), no jitter, seed 0. */
    public static MetricOptions mit() {
        return new MetricOptions(Convention.MIT, MatlabResize.Boundary.SYMMETRIC, false, 0);
    }

    /** pysaliency rules, no jitter, seed 0. */
    public static MetricOptions pysaliency() {
        return new MetricOptions(Convention.PYSALIENCY, MatlabResize.Boundary.SYMMETRIC, false, 0);
    }

    /** These options with another resize boundary. */
    public MetricOptions withBoundary(MatlabResize.Boundary newBoundary) {
        return new MetricOptions(convention, newBoundary, jitter, seed);
    }

    /** These options with AUC-Judd jitter switched on or off. */
    public MetricOptions withJitter(boolean newJitter) {
        return new MetricOptions(convention, boundary, newJitter, seed);
    }

    /** These options with another seed. */
    public MetricOptions withSeed(long newSeed) {
        return new MetricOptions(convention, boundary, jitter, newSeed);
    }
}
