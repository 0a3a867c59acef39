package io.fixate.api;

/**
 * The audio a model wants with each frame: a mono window of {@code windowMicros} centred on the frame's time,
 * Hann-weighted, at {@code sampleRate}. The codec bridge builds windows to this description.
 *
 * @param sampleRate   samples per second, e.g. 16000
 * @param windowMicros length of the window in microseconds, e.g. 500000 for half a second
 */
public record AudioRequirement(int sampleRate, long windowMicros) {

    /** Half a second at 16 kHz mono, the reference implementation's audio input. */
    public static final AudioRequirement DEFAULT = new AudioRequirement(16_000, 500_000);

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
