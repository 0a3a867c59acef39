package io.fixate.provider.stanet.training;

/** The linear correlation coefficient (CC, Pearson's r) of two saliency maps, the saliency benchmarks' CC metric. */
final class MapCorrelation {

    private MapCorrelation() {
    }

    /**
     * CC of {@code reference} and the same number of values of {@code values} from {@code offset}; NaN when either is
     * constant.
     */
    static double of(float[] values, int offset, float[] reference) {
        int n = reference.length;
        double meanValue = 0;
        double meanReference = 0;
        for (int i = 0; i < n; i++) {
            meanValue += values[offset + i];
            meanReference += reference[i];
        }
        meanValue /= n;
        meanReference /= n;
        double covariance = 0;
        double valueVariance = 0;
        double referenceVariance = 0;
        for (int i = 0; i < n; i++) {
            double v = values[offset + i] - meanValue;
            double r = reference[i] - meanReference;
            covariance += v * r;
            valueVariance += v * v;
            referenceVariance += r * r;
        }
        return valueVariance == 0 || referenceVariance == 0 ? Double.NaN
                : covariance / Math.sqrt(valueVariance * referenceVariance);
    }
}
