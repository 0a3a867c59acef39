package io.fixate.provider.scam.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.AudioBlock;
import io.fixate.spi.djl.AudioSpectrogram;

import java.util.SplittableRandom;

/**
 * Synthetic inputs for the tests: spectrograms of three kinds of sound (a steady tone, white noise, a tone switched on
 * and off), of pure tones of given pitches, and frames of three plain colours.
 */
final class Synthetic {

    static final int KINDS = 3;
    private static final int TONE = 0;
    private static final int NOISE = 1;
    private static final double PITCH_HZ = 1000;
    /** Samples per on or off period of the switched tone (50 ms). */
    private static final int PULSE_SAMPLES = 800;

    private Synthetic() {
    }

    /** (B, 1, 257, 48) spectrograms of half-second sounds of the given kinds, each with its own random phase or noise. */
    static NDArray sounds(NDManager manager, int[] kinds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AudioSpectrogram spectrogram = new AudioSpectrogram();
        NDList batch = new NDList();
        for (int kind : kinds) {
            float[] samples = new float[spectrogram.windowSamples()];
            double phase = random.nextDouble(2 * Math.PI);
            for (int i = 0; i < samples.length; i++) {
                double tone = 0.5 * Math.sin(phase + 2 * Math.PI * PITCH_HZ * i / AudioSpectrogram.SAMPLE_RATE);
                samples[i] = (float) switch (kind) {
                    case TONE -> tone;
                    case NOISE -> random.nextDouble(-0.5, 0.5);
                    default -> (i / PULSE_SAMPLES) % 2 == 0 ? tone : 0;
                };
            }
            batch.add(spectrogramOf(manager, spectrogram, samples));
        }
        return NDArrays.stack(batch);
    }

    /**
     * (B, 1, 257, 48) spectrograms of half-second pure tones of the given pitches, each with a random phase and an
     * amplitude between 0.2 and 0.8, so that only the pitch tells them apart.
     */
    static NDArray tones(NDManager manager, double[] pitchesHz, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AudioSpectrogram spectrogram = new AudioSpectrogram();
        NDList batch = new NDList();
        for (double pitch : pitchesHz) {
            float[] samples = new float[spectrogram.windowSamples()];
            double phase = random.nextDouble(2 * Math.PI);
            double amplitude = random.nextDouble(0.2, 0.8);
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (float) (amplitude
                        * Math.sin(phase + 2 * Math.PI * pitch * i / AudioSpectrogram.SAMPLE_RATE));
            }
            batch.add(spectrogramOf(manager, spectrogram, samples));
        }
        return NDArrays.stack(batch);
    }

    private static NDArray spectrogramOf(NDManager manager, AudioSpectrogram spectrogram, float[] samples) {
        AudioBlock sound = AudioBlock.ofMono(samples, AudioSpectrogram.SAMPLE_RATE, 0);
        return spectrogram.compute(manager, sound).expandDims(0);
    }

    /** (B, 3, size, size) frames, each all red, green or blue (index 0, 1, 2). */
    static NDArray colours(NDManager manager, int[] colours, int size) {
        NDList batch = new NDList();
        for (int colour : colours) {
            batch.add(manager.eye(3).get(colour).reshape(3, 1, 1).broadcast(new Shape(3, size, size)));
        }
        return NDArrays.stack(batch);
    }

    /** One-hot (B, classes) rows of {@code labels}. */
    static NDArray oneHot(NDManager manager, int[] labels, int classes) {
        return manager.create(labels).oneHot(classes);
    }
}
