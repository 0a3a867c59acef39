package io.fixate.codec.internal;

import java.util.Arrays;

/**
 * Makes decoded frames' times strictly increasing, whatever the file says. A frame without a time, or with one that
 * does not come after the previous frame's, is placed one frame duration after the previous frame: the duration of
 * the stream's nominal frame rate when the file declares one, else the median of the recent steps between frames.
 * Times that increase are kept as they are, so a variable frame rate stays untouched. Real files need this: AVI with
 * packed B-frames leaves the frame decoded at the end without a time, and a damaged H.264 packet makes FFmpeg's
 * best-effort time fall back from presentation to decoding time for one frame.
 */
public final class PresentationClock {

    /** What a missing time looks like to {@link #next}. */
    public static final long MISSING = Long.MIN_VALUE;
    /** Step used before any step has been seen, when the stream declares no frame rate: 25 fps. */
    private static final long DEFAULT_STEP_MICROS = 40_000;
    private static final int RECENT_STEPS = 15;

    private final long nominalStepMicros;
    private final long[] recentSteps = new long[RECENT_STEPS];
    private int stepCount;
    private long previous = MISSING;
    private long repairs;

    /** @param frameRate the stream's nominal frames per second, or 0 (or less, or NaN) when it declares none */
    public PresentationClock(double frameRate) {
        this.nominalStepMicros = frameRate > 0 && frameRate <= 1000 ? Math.round(1_000_000 / frameRate) : 0;
    }

    /**
     * The time to give the next frame.
     *
     * @param decodedMicros the frame's own time, or {@link #MISSING}
     */
    public long next(long decodedMicros) {
        long time;
        if (previous == MISSING) {
            time = decodedMicros == MISSING ? 0 : decodedMicros;
        } else if (decodedMicros == MISSING || decodedMicros <= previous) {
            time = previous + step();
            repairs++;
        } else {
            recentSteps[stepCount++ % RECENT_STEPS] = decodedMicros - previous;
            time = decodedMicros;
        }
        previous = time;
        return time;
    }

    /** Forgets the previous frame, after a seek; the count of repairs is kept. */
    public void restart() {
        previous = MISSING;
    }

    /** How many frames got a time of this clock's instead of their own. */
    public long repairs() {
        return repairs;
    }

    /** The duration of one frame: nominal when declared, else the median of the recent steps. */
    public long step() {
        if (nominalStepMicros > 0) {
            return nominalStepMicros;
        }
        int n = Math.min(stepCount, RECENT_STEPS);
        if (n == 0) {
            return DEFAULT_STEP_MICROS;
        }
        long[] steps = Arrays.copyOf(recentSteps, n);
        Arrays.sort(steps);
        return steps[n / 2];
    }
}
