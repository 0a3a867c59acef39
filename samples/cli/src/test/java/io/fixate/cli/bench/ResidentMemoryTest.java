package io.fixate.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict of {@code fixate bench-memory} on a series of resident-memory samples (KiB, every 30 s). */
class ResidentMemoryTest {

    private static final double EVERY_30_S = 30;

    @Test
    void levelSamplesAreFlat() {
        assertTrue(ResidentMemory.isFlat(List.of(900_000L, 905_000L, 903_000L, 904_000L, 904_000L, 903_500L),
                EVERY_30_S));
    }

    @Test
    void growingTenPercentIsNot() {
        assertFalse(ResidentMemory.isFlat(List.of(900_000L, 930_000L, 960_000L, 990_000L), EVERY_30_S));
    }

    @Test
    void aFewKibibytesMoreAtEverySampleIsTheHeapSettlingNotALeak() {
        // measured on a stanet run: 0-20 KiB every 15 s after a one-off step, about 2 MiB an hour
        assertTrue(ResidentMemory.isFlat(List.of(473_000L, 480_000L, 480_008L, 480_020L, 480_024L, 480_032L),
                EVERY_30_S));
    }

    @Test
    void aSteadyClimbUnderTenPercentInAShortRunIsALeak() {
        // 2,000 KiB a sample: under 10 % of the first in this run, about 230 MiB within an hour
        assertFalse(ResidentMemory.isFlat(List.of(900_000L, 902_000L, 904_000L, 906_000L, 908_000L, 910_000L),
                EVERY_30_S));
    }

    @Test
    void theRiseRateIsTheSecondHalfsPerHour() {
        // second half 3 samples, 60 s, +1,000 KiB: 60,000 KiB an hour
        assertEquals(60_000, ResidentMemory.secondHalfRisePerHour(List.of(1L, 2L, 1_000L, 1_500L, 2_000L), EVERY_30_S),
                1e-9);
    }
}
