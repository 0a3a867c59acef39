package io.fixate.codec.internal;

import static io.fixate.codec.internal.PresentationClock.MISSING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PresentationClockTest {

    private static long[] times(PresentationClock clock, long... decoded) {
        return Arrays.stream(decoded).map(clock::next).toArray();
    }

    @Test
    void increasingTimesAreKeptEvenAtAVariableRate() {
        PresentationClock clock = new PresentationClock(25);
        long[] vfr = {0, 40_000, 50_000, 130_000, 131_000, 500_000};
        assertArrayEquals(vfr, times(clock, vfr));
        assertEquals(0, clock.repairs());
    }

    @Test
    void aMissingTimeAtTheEndFollowsThePreviousFrame() {
        // AVI with packed B-frames: the frame flushed out of the decoder at the end has no time.
        PresentationClock clock = new PresentationClock(25);
        assertArrayEquals(new long[]{0, 40_000, 80_000, 120_000}, times(clock, 0, 40_000, 80_000, MISSING));
        assertEquals(1, clock.repairs());
    }

    @Test
    void aTimeThatGoesBackIsPlacedOneFrameLater() {
        // A damaged H.264 packet: the best-effort time falls back to the decoding time for one frame.
        PresentationClock clock = new PresentationClock(30_000 / 1001.0);
        long[] fixed = times(clock, 15_117_000, 15_151_000, 15_184_000, 15_151_000);
        assertArrayEquals(new long[]{15_117_000, 15_151_000, 15_184_000, 15_184_000 + 33_367}, fixed);
        assertEquals(1, clock.repairs());
    }

    @Test
    void aRepeatedTimeIsPlacedOneFrameLater() {
        PresentationClock clock = new PresentationClock(50);
        assertArrayEquals(new long[]{0, 20_000, 40_000, 60_000}, times(clock, 0, 20_000, 20_000, 60_000));
        assertEquals(1, clock.repairs());
    }

    @Test
    void withoutANominalRateTheStepIsTheMedianOfRecentSteps() {
        PresentationClock clock = new PresentationClock(0);
        long[] fixed = times(clock, 0, 30_000, 60_000, 200_000, 230_000, MISSING);
        assertEquals(230_000 + 30_000, fixed[5]);
    }

    @Test
    void aFirstFrameWithoutTimeStartsAtZero() {
        assertArrayEquals(new long[]{0, 40_000}, times(new PresentationClock(25), MISSING, MISSING));
    }

    @Test
    void afterASeekTheNextTimeIsTakenAsItIs() {
        PresentationClock clock = new PresentationClock(25);
        times(clock, 0, 40_000, 80_000);
        clock.restart();
        assertEquals(40_000, clock.next(40_000));
        assertEquals(0, clock.repairs());
    }
}
