package io.fixate.eval.synth;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Background sound unrelated to any object on screen, for irrelevant-audio clips. Neither kind is gated in bursts
 * like an event's sound, and neither matches a category's signature: the chords stack several pitches at once, the
 * noise spans the whole band.
 */
enum IrrelevantAudio {
    /** Music-like: a sequence of major and minor triads of soft harmonic tones, one every 0.5 to 0.9 s. */
    CHORDS {
        @Override
        double[] render(int samples, int sampleRate, SplittableRandom random) {
            double[] out = new double[samples];
            int start = 0;
            while (start < samples) {
                int length = (int) (random.nextDouble(0.5, 0.9) * sampleRate);
                int root = ROOTS[random.nextInt(ROOTS.length)];
                int third = random.nextBoolean() ? 4 : 3;
                for (int semitones : new int[]{0, third, 7}) {
                    addNote(out, start, Math.min(length, samples - start), midiHz(root + semitones), sampleRate,
                            random);
                }
                start += length;
            }
            return out;
        }
    },
    /** Pink-tinted broadband noise whose level swells slowly, like wind or a crowd. */
    NOISE {
        @Override
        double[] render(int samples, int sampleRate, SplittableRandom random) {
            double[] out = new double[samples];
            double smoothing = Math.exp(-2 * Math.PI * LOW_PASS_HZ / sampleRate);
            double low = 0;
            double swellPhase = random.nextDouble(2 * Math.PI);
            for (int i = 0; i < samples; i++) {
                double white = SoundSignature.gaussian(random);
                low = smoothing * low + (1 - smoothing) * white;
                double swell = 0.6 + 0.4 * Math.sin(swellPhase + 2 * Math.PI * SWELL_HZ * i / sampleRate);
                out[i] = swell * (4 * low + 0.3 * white);
            }
            return out;
        }
    };

    /** MIDI roots of the chords, C3 to A3. */
    private static final int[] ROOTS = {48, 50, 52, 53, 55, 57};
    private static final double NOTE_ATTACK_SECONDS = 0.03;
    private static final double NOTE_DECAY_SECONDS = 0.6;
    private static final double NOTE_FADE_SECONDS = 0.01;
    private static final double LOW_PASS_HZ = 800;
    private static final double SWELL_HZ = 0.3;

    /** {@code samples} samples of the sound, unscaled. */
    abstract double[] render(int samples, int sampleRate, SplittableRandom random);

    /** Lower-case name for documentation. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static double midiHz(int note) {
        return 440 * Math.pow(2, (note - 69) / 12.0);
    }

    /** A note of three harmonics that swells in, decays, and fades out at its end so chord changes do not click. */
    private static void addNote(double[] out, int start, int length, double hz, int sampleRate,
                                SplittableRandom random) {
        double phase = random.nextDouble(2 * Math.PI);
        for (int j = 0; j < length; j++) {
            double t = (double) j / sampleRate;
            double remaining = (double) (length - j) / sampleRate;
            double level = Math.min(1, t / NOTE_ATTACK_SECONDS) * Math.exp(-t / NOTE_DECAY_SECONDS)
                    * Math.min(1, remaining / NOTE_FADE_SECONDS);
            double angle = phase + 2 * Math.PI * hz * t;
            out[start + j] += level * (Math.sin(angle) + 0.5 * Math.sin(2 * angle) + 0.33 * Math.sin(3 * angle));
        }
    }
}
