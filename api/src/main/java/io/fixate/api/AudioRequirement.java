package io.fixate.api;

/**
 * The audio a model wants with each frame: a mono window of {@code windowMicros} centred on the frame's time, at
 * {@code sampleRate}, Hann-weighted or as recorded. The codec bridge builds windows to this description.
 *
 * @param sampleRate   samples per second, e.g. 16000
 * @param windowMicros length of the window in microseconds, e.g. 500000 for half a second
 * @param hannWeighted whether the window is weighted by a symmetric Hann window (models that compute their own
 *                     spectrogram frames, such as YAMNet, want the raw samples)
 */
public record AudioRequirement(int sampleRate, long windowMicros, boolean hannWeighted) {

    /** Half a second at 16 kHz mono, the reference implementation's audio input. */
    public static final AudioRequirement DEFAULT = new AudioRequirement(16_000, 500_000);

    /** A Hann-weighted window. */
    public AudioRequirement(int sampleRate, long windowMicros) {
        this(sampleRate, windowMicros, true);
    }

    /** A window of raw samples, not weighted. */
    public static AudioRequirement rawSamples(int sampleRate, long windowMicros) {
        return new AudioRequirement(sampleRate, windowMicros, false);
    }

    public AudioRequirement {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("audio sample rate must be positive, got " + sampleRate);
        }
        if (windowMicros <= 0) {
            throw new IllegalArgumentException("audio window must be positive, got " + windowMicros + " us");
        }
    }

    /** Window length in samples, rounded to the nearest sample and at least one. */
    public int windowSamples() {
        return (int) Math.max(1, Math.round(windowMicros * (double) sampleRate / 1_000_000));
    }
}
