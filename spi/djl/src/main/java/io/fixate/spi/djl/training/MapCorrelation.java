package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The linear correlation coefficient (CC, Pearson's r) of two saliency maps, the saliency benchmarks' CC metric. */
public final class MapCorrelation {

    private MapCorrelation() {
    }

    /**
     * CC of {@code reference} and the same number of values of {@code values} from {@code offset}; NaN when either is
     * constant.
     */
    public static double of(float[] values, int offset, float[] reference) {
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

    /**
     * The mean CC between a net's maps σ(logits), (B, 1, S, S) per batch of up to {@code batchSize} samples, each
     * batch computed in a sub-manager of {@code parent} closed after it, and the samples' {@code target} maps of S × S;
     * samples whose target is constant (no fixation to correlate with) are left out, and NaN is returned when none is
     * left.
     */
    public static <S> float mean(List<S> samples, int batchSize, NDManager parent,
                          BiFunction<List<S>, NDManager, NDArray> logits, Function<S, float[]> target) {
        double sum = 0;
        int counted = 0;
        for (List<S> batch : EpochTrainer.partition(samples, batchSize)) {
            try (NDManager step = parent.newSubManager()) {
                float[] predicted = Activation.sigmoid(logits.apply(batch, step)).toFloatArray();
                int pixels = predicted.length / batch.size();
                for (int i = 0; i < batch.size(); i++) {
                    double cc = of(predicted, i * pixels, target.apply(batch.get(i)));
                    if (!Double.isNaN(cc)) {
                        sum += cc;
                        counted++;
                    }
                }
            }
        }
        return counted == 0 ? Float.NaN : (float) (sum / counted);
    }
}
