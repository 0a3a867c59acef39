package io.fixate.eval.metrics;

/**
 * KLD: the Kullback–Leibler divergence {@code Σ G·log(eps + G/(P + eps))} of the prediction P from the ground-truth
 * density G, each divided by its sum. Lower is better. STAViS does not report it.
 *
 * <p>MIT ({@code KLdiv.m}): the prediction is resized to the density's size; there is no min-max step and no shift;
 * a map is divided by its sum only if it has a non-zero value, so an all-zero density scores 0 and an all-zero
 * prediction a large finite value; {@code eps = 2^-52}. Negative predicted values can leave a log argument
 * {@code ≤ 0} where {@code G ≠ 0}: Matlab then returns a complex number, this returns NaN.
 *
 * <p>pysaliency ({@code MIT_KLDiv}): no resize; each map goes through pysaliency's density conversion (shifted to a
 * minimum of 0 if it went below, divided by its sum, an all-zero map becomes uniform), with {@code eps = 2.2204e-16}
 * as rounded there.
 */
public final class KlDivergence {

    /** Matlab's {@code eps}. */
    static final double MATLAB_EPS = 0x1.0p-52;
    /** The regularisation constant pysaliency's {@code MIT_KLDiv} passes, Matlab's eps rounded to 5 digits. */
    static final double PYSALIENCY_EPS = 2.2204e-16;

    private KlDivergence() {
    }

    /**
     * KLD of {@code prediction} from {@code density}.
     *
     * @throws IllegalArgumentException under pysaliency, if the shapes differ
     */
    public static double score(Grid prediction, Grid density, MetricOptions options) {
        return score(PreparedPrediction.of(prediction, density, options), density, options);
    }

    static double score(PreparedPrediction prediction, Grid density, MetricOptions options) {
        double[] gt = density.values();
        if (prediction.hasNaN || MapMath.hasNaN(gt)) {
            return Double.NaN;
        }
        boolean mit = options.convention() == Convention.MIT;
        double[] p = mit ? sumNormalisedIfNonZero(prediction.values) : MapMath.pysaliencyDensity(prediction.values);
        double[] g = mit ? sumNormalisedIfNonZero(gt) : MapMath.pysaliencyDensity(gt);
        double eps = mit ? MATLAB_EPS : PYSALIENCY_EPS;
        double divergence = 0;
        for (int i = 0; i < g.length; i++) {
            double quotient = g[i] / (p[i] + eps);
            if (Double.isNaN(quotient)) {
                return Double.NaN; // 0/0 where P = −eps, as in Matlab
            }
            if (g[i] == 0) {
                continue; // the term is 0·log(eps)
            }
            double argument = eps + quotient;
            if (argument <= 0) {
                return Double.NaN;
            }
            divergence += g[i] * Math.log(argument);
        }
        return divergence;
    }

    private static double[] sumNormalisedIfNonZero(double[] map) {
        return MapMath.anyNonZero(map) ? MapMath.dividedBySum(map) : map;
    }
}
