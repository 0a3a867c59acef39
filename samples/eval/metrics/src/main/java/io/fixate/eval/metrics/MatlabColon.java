package io.fixate.eval.metrics;

/**
 * Matlab's colon operator {@code a:d:b} for doubles, which shuffled AUC uses for its thresholds. Matlab does not
 * accumulate {@code a + k·d} all the way: it counts the intervals with a tolerance of {@code 2·eps·max(|a|, |b|)},
 * snaps the last element to {@code b} when it lands within that tolerance, and fills the vector symmetrically, the
 * first half as {@code a + k·d} and the second half as {@code c − k·d} from the end point c, with the exact midpoint
 * {@code (a + c)/2} when there is one. So {@code 0:0.1:0.3} ends exactly at 0.3, where {@code 3*0.1} is
 * 0.30000000000000004.
 */
final class MatlabColon {

    private static final double EPS = Math.ulp(1.0);

    private MatlabColon() {
    }

    /**
     * The elements of {@code a:d:b}, empty when the range runs the wrong way. This is Matlab's general case; its
     * shortcuts for integer {@code a} and {@code d} count the same elements except within the tolerance.
     */
    static double[] range(double a, double d, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(d) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("colon bounds and step must be finite, got " + a + ":" + d + ":" + b);
        }
        if (d == 0 || (a < b && d < 0) || (b < a && d > 0)) {
            return new double[0];
        }
        double tolerance = 2 * EPS * Math.max(Math.abs(a), Math.abs(b));
        double direction = Math.signum(d);
        long intervals = Math.round((b - a) / d);
        if (direction * (a + intervals * d - b) > tolerance) {
            intervals--;
        }
        double end = a + intervals * d;
        if (direction * (end - b) > -tolerance) {
            end = b;
        }
        int n = Math.toIntExact(intervals);
        double[] v = new double[n + 1];
        for (int k = 0; k <= n / 2; k++) {
            v[k] = a + k * d;
            v[n - k] = end - k * d;
        }
        if (n % 2 == 0) {
            v[n / 2] = (a + end) / 2;
        }
        return v;
    }
}
