package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AudioTimelineTest {

    private final AudioTimeline timeline = new AudioTimeline(48_000);

    @Test
    void contiguousBlocksFollowOnDespiteRoundedTimestamps() {
        assertEquals(0, timeline.offsetOf(0));
        timeline.advance(1024);
        assertEquals(0, timeline.offsetOf(21_333)); // 1024 frames = 21333.33 us
        timeline.advance(1024);
        assertEquals(0, timeline.offsetOf(42_667));
    }

    @Test
    void aLaterBlockIsPrecededBySilence() {
        timeline.advance(48_000);
        assertEquals(24_000, timeline.offsetOf(1_500_000));
    }

    @Test
    void anOverlappingBlockLosesItsStart() {
        timeline.advance(48_000);
        assertEquals(-4_800, timeline.offsetOf(900_000));
    }

    @Test
    void offsetsWithinTheToleranceAreIgnored() {
        timeline.advance(48_000);
        assertEquals(0, timeline.offsetOf(1_000_000 + AudioTimeline.TOLERANCE_MICROS));
        assertEquals(0, timeline.offsetOf(1_000_000 - AudioTimeline.TOLERANCE_MICROS));
    }
}
