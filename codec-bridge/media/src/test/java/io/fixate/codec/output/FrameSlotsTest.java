package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameSlotsTest {

    @Test
    void regularFramesTakeConsecutiveSlots() {
        FrameSlots slots = new FrameSlots(25, 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, slots.place(i * 40_000L));
        }
    }

    @Test
    void ntscRateRoundsToTheNearestSlot() {
        FrameSlots slots = new FrameSlots(30_000, 1001);
        assertEquals(0, slots.place(0));
        assertEquals(1, slots.place(33_367));
        assertEquals(1000, slots.place(33_366_667));
    }

    @Test
    void gapsStayGapsAndBurstsTakeTheNextFreeSlotThenCatchUp() {
        FrameSlots slots = new FrameSlots(25, 1);
        assertEquals(0, slots.place(0));
        assertEquals(5, slots.place(200_000));
        assertEquals(6, slots.place(210_000)); // nearest is 5, taken
        assertEquals(7, slots.place(220_000)); // nearest is 6, taken
        assertEquals(10, slots.place(400_000));
    }
}
