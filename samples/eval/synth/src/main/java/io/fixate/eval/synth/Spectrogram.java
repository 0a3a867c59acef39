package io.fixate.eval.synth;

/**
 * Short-time Fourier magnitudes of a mono signal over Hann windows, for the documentation's spectrograms and for
 * checking what a clip's sound contains.
 */
final class Spectrogram {

    private final double[][] power;
    private final int sampleRate;
    private final int window;

    private Spectrogram(double[][] power, int sampleRate, int window) {
        this.power = power;
        this.sampleRate = sampleRate;
        this.window = window;
    }

    /**
     * The power spectra of {@code samples} in Hann windows of {@code window} samples (a power of two) every
     * {@code hop} samples; frame {@code t} covers samples {@code [t × hop, t × hop + window)}.
     */
    static Spectrogram of(float[] samples, int sampleRate, int window, int hop) {
        if (Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException("window must be a power of two, got " + window);
        }
        double[] hann = new double[window];
        for (int i = 0; i < window; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
        }
        int frames = Math.max(0, (samples.length - window) / hop + 1);
        double[][] power = new double[frames][];
        for (int t = 0; t < frames; t++) {
            double[] re = new double[window];
            double[] im = new double[window];
            for (int i = 0; i < window; i++) {
                re[i] = samples[t * hop + i] * hann[i];
            }
            fft(re, im);
            double[] bins = new double[window / 2 + 1];
            for (int k = 0; k < bins.length; k++) {
                bins[k] = re[k] * re[k] + im[k] * im[k];
            }
            power[t] = bins;
        }
        return new Spectrogram(power, sampleRate, window);
    }

    int frames() {
        return power.length;
    }

    int bins() {
        return window / 2 + 1;
    }

    /** Power of frequency bin {@code bin} (at {@code bin × sampleRate / window} Hz) in frame {@code frame}. */
    double power(int frame, int bin) {
        return power[frame][bin];
    }

    double binHz(int bin) {
        return (double) bin * sampleRate / window;
    }

    /** The power-weighted mean frequency over all frames, in Hz: where the sound's energy sits. */
    double centroidHz() {
        double weighted = 0;
        double total = 0;
        for (double[] frame : power) {
            for (int k = 0; k < frame.length; k++) {
                weighted += frame[k] * binHz(k);
                total += frame[k];
            }
        }
        return total > 0 ? weighted / total : 0;
    }

    /** In-place iterative radix-2 FFT of the complex signal {@code re + i·im}. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            double angle = -2 * Math.PI / length;
            double stepRe = Math.cos(angle);
            double stepIm = Math.sin(angle);
            for (int start = 0; start < n; start += length) {
                double wRe = 1;
                double wIm = 0;
                for (int k = 0; k < length / 2; k++) {
                    int a = start + k;
                    int b = a + length / 2;
                    double tRe = re[b] * wRe - im[b] * wIm;
                    double tIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double nextRe = wRe * stepRe - wIm * stepIm;
                    wIm = wRe * stepIm + wIm * stepRe;
                    wRe = nextRe;
                }
            }
        }
    }
}
