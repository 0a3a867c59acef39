package io.fixate.eval.synth;

/** Small statistics the tests share. */
final class Stats {

    private Stats() {
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The mean magnitude spectrum of a spectrogram: how a sound's energy spreads over frequency. */
    static double[] meanMagnitudes(Spectrogram spectrogram) {
        double[] mean = new double[spectrogram.bins()];
        for (int t = 0; t < spectrogram.frames(); t++) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += Math.sqrt(spectrogram.power(t, k)) / spectrogram.frames();
            }
        }
        return mean;
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
