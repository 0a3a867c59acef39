package io.fixate.codec.output;

/**
 * Places frames on the time grid of a nominal frame rate, so that a variable-rate source stays in sync with its
 * audio: each frame takes the grid slot nearest to its timestamp, or the next free slot when a faster burst has
 * already taken that one (a burst is delayed by at most its own excess and catches up once frames are sparser).
 * Gaps in the timestamps stay gaps, which the container records as longer frame durations.
 */
final class FrameSlots {

    private final double slotsPerMicrosecond;
    private long lastSlot = -1;

    /** @param frameRateNumerator / frameRateDenominator the nominal rate in frames per second */
    FrameSlots(int frameRateNumerator, int frameRateDenominator) {
        this.slotsPerMicrosecond = frameRateNumerator / (frameRateDenominator * 1e6);
    }

    /** The slot (a timestamp in units of one frame period) for the next frame in presentation order. */
    long place(long timestampMicros) {
        long nearest = Math.round(timestampMicros * slotsPerMicrosecond);
        lastSlot = Math.max(nearest, lastSlot + 1);
        return lastSlot;
    }
}
