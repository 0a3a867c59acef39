package io.fixate.eval.synth;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The sound a category makes while it sounds, before gating by the event envelope. {@link #render} returns the raw
 * waveform; {@link Soundtrack} sets its level.
 */
sealed interface SoundSignature
        permits SoundSignature.HarmonicTone, SoundSignature.NoiseBand, SoundSignature.Chirp,
        SoundSignature.ClickTrain {

    /** {@code samples} samples of the continuous sound at {@code sampleRate}; random phases come from {@code random}. */
    double[] render(int samples, int sampleRate, SplittableRandom random);

    /** A short human-readable description, for the documentation. */
    String describe();

    /**
     * A tone of fundamental {@code pitchHz} with {@code harmonics} partials at amplitude 1/n, tremolo at
     * {@code tremoloHz} (0 = steady). Partials above 45 % of the sample rate are left out.
     */
    record HarmonicTone(double pitchHz, int harmonics, double tremoloHz) implements SoundSignature {
        /** How deep the tremolo dips: the level swings between 1 - depth and 1. */
        private static final double TREMOLO_DEPTH = 0.7;

        @Override
        public double[] render(int samples, int sampleRate, SplittableRandom random) {
            double[] out = new double[samples];
            for (int h = 1; h <= harmonics && h * pitchHz < 0.45 * sampleRate; h++) {
                double step = 2 * Math.PI * h * pitchHz / sampleRate;
                double phase = random.nextDouble(2 * Math.PI);
                for (int i = 0; i < samples; i++) {
                    out[i] += Math.sin(phase + step * i) / h;
                }
            }
            if (tremoloHz > 0) {
                double step = 2 * Math.PI * tremoloHz / sampleRate;
                for (int i = 0; i < samples; i++) {
                    out[i] *= 1 - TREMOLO_DEPTH * (0.5 - 0.5 * Math.cos(step * i));
                }
            }
            return out;
        }

        @Override
        public String describe() {
            String partials = harmonics == 1 ? "pure" : harmonics + " harmonics";
            return String.format(Locale.ROOT, "tone %.0f Hz, %s%s", pitchHz, partials,
                    tremoloHz > 0 ? String.format(Locale.ROOT, ", tremolo %.0f Hz", tremoloHz) : "");
        }
    }

    /** White noise band-passed to [{@code lowHz}, {@code highHz}] by two cascaded resonant filters. */
    record NoiseBand(double lowHz, double highHz) implements SoundSignature {
        @Override
        public double[] render(int samples, int sampleRate, SplittableRandom random) {
            double[] out = new double[samples];
            for (int i = 0; i < samples; i++) {
                out[i] = gaussian(random);
            }
            double centre = Math.sqrt(lowHz * highHz);
            double quality = centre / (highHz - lowHz);
            bandPass(out, centre / sampleRate, quality);
            bandPass(out, centre / sampleRate, quality);
            return out;
        }

        /** RBJ band-pass biquad with 0 dB peak gain, in place; {@code centre} in cycles per sample. */
        private static void bandPass(double[] x, double centre, double quality) {
            double w0 = 2 * Math.PI * centre;
            double alpha = Math.sin(w0) / (2 * quality);
            double a0 = 1 + alpha;
            double b0 = alpha / a0;
            double b2 = -alpha / a0;
            double a1 = -2 * Math.cos(w0) / a0;
            double a2 = (1 - alpha) / a0;
            double x1 = 0;
            double x2 = 0;
            double y1 = 0;
            double y2 = 0;
            for (int i = 0; i < x.length; i++) {
                double y = b0 * x[i] + b2 * x2 - a1 * y1 - a2 * y2;
                x2 = x1;
                x1 = x[i];
                y2 = y1;
                y1 = y;
                x[i] = y;
            }
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "noise band %.0f-%.0f Hz", lowHz, highHz);
        }
    }

    /** Repeated exponential sweeps from {@code fromHz} to {@code toHz}, {@code sweepsPerSecond} per second. */
    record Chirp(double fromHz, double toHz, double sweepsPerSecond) implements SoundSignature {
        @Override
        public double[] render(int samples, int sampleRate, SplittableRandom random) {
            double[] out = new double[samples];
            double phase = random.nextDouble(2 * Math.PI);
            double ratio = toHz / fromHz;
            for (int i = 0; i < samples; i++) {
                double sweepPosition = (i * sweepsPerSecond / sampleRate) % 1.0;
                double frequency = fromHz * Math.pow(ratio, sweepPosition);
                phase += 2 * Math.PI * frequency / sampleRate;
                out[i] = Math.sin(phase);
            }
            return out;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "chirp %.0f-%.0f Hz, %.1f sweeps/s", fromHz, toHz,
                    sweepsPerSecond);
        }
    }

    /**
     * Clicks at {@code clicksPerSecond} (each 5 % early or late at random), each a damped ring at
     * {@code resonanceHz} that decays with a 1.5 ms time constant.
     */
    record ClickTrain(double clicksPerSecond, double resonanceHz) implements SoundSignature {
        private static final double DECAY_SECONDS = 0.0015;
        private static final double TIMING_JITTER = 0.05;

        @Override
        public double[] render(int samples, int sampleRate, SplittableRandom random) {
            double[] out = new double[samples];
            double period = sampleRate / clicksPerSecond;
            int ringLength = (int) Math.ceil(8 * DECAY_SECONDS * sampleRate);
            for (double start = 0; start < samples; start += period) {
                int onset = (int) Math.round(start + period * random.nextDouble(-TIMING_JITTER, TIMING_JITTER));
                for (int j = 0; j < ringLength; j++) {
                    int i = onset + j;
                    if (i >= 0 && i < samples) {
                        double t = (double) j / sampleRate;
                        out[i] += Math.sin(2 * Math.PI * resonanceHz * t) * Math.exp(-t / DECAY_SECONDS);
                    }
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "clicks %.0f/s ringing at %.0f Hz", clicksPerSecond,
                    resonanceHz);
        }
    }

    /** A standard normal sample (Box-Muller); {@link SplittableRandom} has no Gaussian of its own in Java 17. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
