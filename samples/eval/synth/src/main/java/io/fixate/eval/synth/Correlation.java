package io.fixate.eval.synth;

/** Pearson correlation, by which the generator (and its tests) judge whether a size follows a sound, and the mean. */
final class Correlation {

    private Correlation() {
    }

    /** The Pearson correlation of two equally long series; 0 where either is constant. */
    static double pearson(double[] a, double[] b) {
        double meanA = mean(a);
        double meanB = mean(b);
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varianceA > 0 && varianceB > 0 ? covariance / Math.sqrt(varianceA * varianceB) : 0;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
