package io.fixate.codec.output;

/**
 * Keeps an audio track aligned with the timestamps of the blocks written to it. The encoded track is contiguous from
 * time 0, so a block that starts later than the samples written so far is preceded by silence and one that overlaps
 * them loses its overlapping start. Offsets within a small tolerance are left alone: timestamps rounded to whole
 * microseconds jitter by a sample or so, and splicing for that would only add clicks.
 */
final class AudioTimeline {

    /** Ten milliseconds, well under the audio/video offset that viewers notice. */
    static final long TOLERANCE_MICROS = 10_000;

    private final int sampleRate;
    private final long toleranceFrames;
    private long framesWritten;

    AudioTimeline(int sampleRate) {
        this.sampleRate = sampleRate;
        this.toleranceFrames = TOLERANCE_MICROS * sampleRate / 1_000_000;
    }

    /**
     * How far a block starting at {@code timestampMicros} is from the end of the track, in sample frames: positive
     * = frames of silence to insert before it, negative = frames to drop from its start, 0 = it follows on.
     */
    long offsetOf(long timestampMicros) {
        long start = Math.round(timestampMicros * (double) sampleRate / 1_000_000);
        long offset = start - framesWritten;
        return Math.abs(offset) <= toleranceFrames ? 0 : offset;
    }

    /** Records that {@code frames} sample frames were appended to the track. */
    void advance(long frames) {
        framesWritten += frames;
    }
}
