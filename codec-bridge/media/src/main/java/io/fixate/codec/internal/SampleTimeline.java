package io.fixate.codec.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Mono samples at one rate, addressed by absolute sample index (sample {@code k} plays at {@code k / rate} seconds),
 * of which only a bounded, contiguous stretch is kept. Writes that leave a gap fill it with silence; writes that
 * overlap what is already there keep the earlier samples.
 */
public final class SampleTimeline {

    private static final int INITIAL_CAPACITY = 4096;

    private final int maxSamples;
    private float[] data = new float[INITIAL_CAPACITY];
    /** Array index of the earliest kept sample. */
    private int head;
    private int length;
    /** Absolute index of the earliest kept sample; meaningful once {@link #started}. */
    private long firstIndex;
    /** Samples before this index are never kept again (see {@link #dropBefore}). */
    private long floor = Long.MIN_VALUE;
    private boolean started;

    /** @param maxSamples the most samples kept; the oldest go first */
    public SampleTimeline(int maxSamples) {
        if (maxSamples <= 0) {
            throw new IllegalArgumentException("timeline capacity must be positive, got " + maxSamples);
        }
        this.maxSamples = maxSamples;
    }

    /** The index just after the last sample written, or {@link Long#MIN_VALUE} before the first write. */
    public long end() {
        return started ? firstIndex + length : Long.MIN_VALUE;
    }

    /** Writes the remaining samples of {@code samples}, the first at absolute index {@code index}. */
    public void write(long index, FloatBuffer samples) {
        FloatBuffer source = samples.duplicate();
        long keepFrom = started ? Math.max(floor, end()) : floor;
        if (index < keepFrom) {
            long skip = keepFrom - index;
            if (skip >= source.remaining()) {
                return;
            }
            source.position(source.position() + (int) skip);
            index = keepFrom;
        }
        if (!started || index - end() >= maxSamples) {
            started = true;
            head = 0;
            length = 0;
            firstIndex = index;
        }
        int gap = (int) (index - end());
        int count = source.remaining();
        makeRoom(gap + count);
        int tail = head + length;
        Arrays.fill(data, tail, tail + gap, 0f);
        source.get(data, tail + gap, count);
        length += gap + count;
        if (length > maxSamples) {
            discard(length - maxSamples);
        }
    }

    /** Forgets every sample before {@code index}, and refuses later writes there. */
    public void dropBefore(long index) {
        floor = Math.max(floor, index);
        if (!started || index <= firstIndex) {
            return;
        }
        if (index >= end()) {
            head = 0;
            length = 0;
            firstIndex = index;
        } else {
            discard((int) (index - firstIndex));
        }
    }

    /**
     * Copies the samples at absolute indices {@code from .. from + target.length - 1} into {@code target}, with zeros
     * where none are kept.
     *
     * @return how many of them were kept samples (written audio or the silence of a gap)
     */
    public int read(long from, float[] target) {
        Arrays.fill(target, 0f);
        if (!started) {
            return 0;
        }
        long overlapStart = Math.max(from, firstIndex);
        long overlapEnd = Math.min(from + target.length, end());
        if (overlapEnd <= overlapStart) {
            return 0;
        }
        int count = (int) (overlapEnd - overlapStart);
        System.arraycopy(data, head + (int) (overlapStart - firstIndex), target, (int) (overlapStart - from), count);
        return count;
    }

    private void discard(int samples) {
        head += samples;
        length -= samples;
        firstIndex += samples;
    }

    private void makeRoom(int extra) {
        if (head + length + extra <= data.length) {
            return;
        }
        float[] target = length + extra <= data.length / 2 ? data
                : new float[Math.max(data.length * 2, length + extra)];
        System.arraycopy(data, head, target, 0, length);
        data = target;
        head = 0;
    }
}
