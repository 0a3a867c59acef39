package io.fixate.api;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * A block of audio, immutable: 32-bit float samples, nominally in [-1, 1], interleaved by channel
 * ({@code samples[frame * channels + channel]}), with its sample rate and the presentation time of its first sample.
 */
public final class AudioBlock {

    private final float[] samples;
    private final int sampleRate;
    private final int channels;
    private final long timestampMicros;

    private AudioBlock(float[] samples, int sampleRate, int channels, long timestampMicros) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channel count must be positive, got " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(
                    samples.length + " interleaved samples do not divide into " + channels + " channels");
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.timestampMicros = timestampMicros;
    }

    /** A block from interleaved float samples, which are copied. */
    public static AudioBlock ofInterleaved(float[] samples, int sampleRate, int channels, long timestampMicros) {
        return new AudioBlock(Objects.requireNonNull(samples, "samples").clone(), sampleRate, channels,
                timestampMicros);
    }

    /** A mono block from float samples, which are copied. */
    public static AudioBlock ofMono(float[] samples, int sampleRate, long timestampMicros) {
        return ofInterleaved(samples, sampleRate, 1, timestampMicros);
    }

    /** {@code frames} sample frames of digital silence. */
    public static AudioBlock silence(int frames, int sampleRate, int channels, long timestampMicros) {
        if (frames < 0) {
            throw new IllegalArgumentException("frame count must not be negative, got " + frames);
        }
        return new AudioBlock(new float[Math.multiplyExact(frames, channels)], sampleRate, channels, timestampMicros);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Presentation time of the first sample, in microseconds. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** Number of sample frames (samples per channel). */
    public int frameCount() {
        return samples.length / channels;
    }

    /** Duration in microseconds, rounded down. */
    public long durationMicros() {
        return frameCount() * 1_000_000L / sampleRate;
    }

    /** Sample of {@code channel} in sample frame {@code frame}. */
    public float sample(int frame, int channel) {
        Objects.checkIndex(frame, frameCount());
        Objects.checkIndex(channel, channels);
        return samples[frame * channels + channel];
    }

    /** The interleaved samples, read-only and without copying. */
    public FloatBuffer interleaved() {
        return FloatBuffer.wrap(samples).asReadOnlyBuffer();
    }

    /** A copy of the interleaved samples. */
    public float[] copyInterleaved() {
        return samples.clone();
    }

    /** This block mixed down to one channel by averaging the channels; returns {@code this} if already mono. */
    public AudioBlock toMono() {
        if (channels == 1) {
            return this;
        }
        int frames = frameCount();
        float[] mono = new float[frames];
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[f * channels + c];
            }
            mono[f] = sum / channels;
        }
        return new AudioBlock(mono, sampleRate, 1, timestampMicros);
    }

    /** Root mean square over all samples; 0 for an empty block. */
    public double rms() {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    @Override
    public String toString() {
        return "AudioBlock[" + frameCount() + " frames, " + channels + " ch, " + sampleRate + " Hz @"
                + timestampMicros + "us]";
    }
}
