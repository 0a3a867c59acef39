package io.fixate.codec.host;

import io.fixate.api.AudioBlock;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.Objects;

/**
 * Converts the PCM buffers hosts hand a plug-in into {@link AudioBlock}s (interleaved float). Byte buffers are read
 * from their position to their limit in their own {@link ByteBuffer#order() byte order}, and are not modified.
 * Integer samples are scaled to [-1, 1): 16-bit by 1/32768, 32-bit by 1/2^31.
 */
public final class HostAudio {

    private static final float S16_SCALE = 1f / 32768;
    private static final double S32_SCALE = 1.0 / (1L << 31);

    private HostAudio() {
    }

    /**
     * A block from interleaved samples ({@code channel} of sample frame {@code f} at sample index
     * {@code f * channels + channel}).
     *
     * @throws IllegalArgumentException if the bytes do not divide into whole sample frames, or a count is not
     *                                  positive
     */
    public static AudioBlock interleaved(ByteBuffer data, SampleFormat format, int channels, int sampleRate,
                                         long timestampMicros) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channel count must be positive, got " + channels);
        }
        ByteBuffer bytes = data.slice().order(data.order());
        int frameBytes = format.bytesPerSample() * channels;
        if (bytes.remaining() % frameBytes != 0) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes of " + format + " audio do not divide into "
                    + channels + "-channel sample frames of " + frameBytes + " bytes");
        }
        float[] samples = new float[bytes.remaining() / format.bytesPerSample()];
        decode(bytes, format, samples, 0, 1);
        return AudioBlock.ofInterleaved(samples, sampleRate, channels, timestampMicros);
    }

    /**
     * A block from one buffer per channel, all of the same length.
     *
     * @throws IllegalArgumentException if there are no planes, their lengths differ or do not divide into samples
     */
    public static AudioBlock planar(ByteBuffer[] planes, SampleFormat format, int sampleRate, long timestampMicros) {
        int channels = requireChannels(planes.length);
        int planeBytes = planes[0].remaining();
        if (planeBytes % format.bytesPerSample() != 0) {
            throw new IllegalArgumentException("plane of " + planeBytes + " bytes does not divide into " + format
                    + " samples of " + format.bytesPerSample() + " bytes");
        }
        int frames = planeBytes / format.bytesPerSample();
        float[] samples = new float[frames * channels];
        for (int c = 0; c < channels; c++) {
            ByteBuffer plane = Objects.requireNonNull(planes[c], "plane");
            if (plane.remaining() != planeBytes) {
                throw new IllegalArgumentException("audio plane " + c + " holds " + plane.remaining()
                        + " bytes, plane 0 holds " + planeBytes);
            }
            decode(plane.slice().order(plane.order()), format, samples, c, channels);
        }
        return AudioBlock.ofInterleaved(samples, sampleRate, channels, timestampMicros);
    }

    /** A block from interleaved signed 16-bit samples, as {@code javax.sound.sampled} delivers them once decoded. */
    public static AudioBlock interleaved(short[] samples, int channels, int sampleRate, long timestampMicros) {
        float[] converted = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            converted[i] = samples[i] * S16_SCALE;
        }
        return AudioBlock.ofInterleaved(converted, sampleRate, channels, timestampMicros);
    }

    /** A block from one float array per channel, all of the same length. */
    public static AudioBlock planar(float[][] planes, int sampleRate, long timestampMicros) {
        int channels = requireChannels(planes.length);
        int frames = planes[0].length;
        float[] samples = new float[frames * channels];
        for (int c = 0; c < channels; c++) {
            if (planes[c].length != frames) {
                throw new IllegalArgumentException("audio plane " + c + " holds " + planes[c].length
                        + " samples, plane 0 holds " + frames);
            }
            for (int f = 0; f < frames; f++) {
                samples[f * channels + c] = planes[c][f];
            }
        }
        return AudioBlock.ofInterleaved(samples, sampleRate, channels, timestampMicros);
    }

    private static int requireChannels(int channels) {
        if (channels == 0) {
            throw new IllegalArgumentException("planar audio needs at least one plane");
        }
        return channels;
    }

    /** Decodes every sample of {@code bytes} into {@code target[first]}, {@code target[first + step]}, ... */
    private static void decode(ByteBuffer bytes, SampleFormat format, float[] target, int first, int step) {
        switch (format) {
            case S16 -> {
                ShortBuffer in = bytes.asShortBuffer();
                for (int i = 0, t = first; i < in.limit(); i++, t += step) {
                    target[t] = in.get(i) * S16_SCALE;
                }
            }
            case S32 -> {
                IntBuffer in = bytes.asIntBuffer();
                for (int i = 0, t = first; i < in.limit(); i++, t += step) {
                    target[t] = (float) (in.get(i) * S32_SCALE);
                }
            }
            case F32 -> {
                FloatBuffer in = bytes.asFloatBuffer();
                for (int i = 0, t = first; i < in.limit(); i++, t += step) {
                    target[t] = in.get(i);
                }
            }
        }
    }
}
