package io.fixate.provider.stanet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FragmentMemoryTest {

    /** Frame index to its timestamp at 10 fps. */
    private static long at(int index) {
        return index * 100_000L;
    }

    /** Streams frames 0 … last at 10 fps through the memory, keeping each due fragment, named by its index. */
    private static void stream(FragmentMemory<Integer> memory, int last) {
        for (int index = 0; index <= last; index++) {
            if (memory.due(at(index))) {
                memory.keep(index, at(index), index);
            }
        }
    }

    @Test
    void keepsOneFragmentASecondAndNoneNearerThanSixFramesServes() {
        FragmentMemory<Integer> memory = new FragmentMemory<>(4, released -> { });
        stream(memory, 3);

        assertEquals(List.of(), memory.companions(4), "frame 0 is only four frames back");
        assertEquals(List.of(0, 0), memory.companions(6), "one fragment far enough back serves twice");

        FragmentMemory<Integer> longer = new FragmentMemory<>(4, released -> { });
        stream(longer, 25);
        assertEquals(3, longer.size(), "frames 0, 10 and 20 are a second apart");
        assertEquals(List.of(10, 0), longer.companions(25), "the newest six or more frames back, and the oldest");
        assertEquals(List.of(20, 0), longer.companions(26));
    }

    @Test
    void theOldestIsReleasedBeyondCapacityAndClearReleasesTheRest() {
        List<Integer> released = new ArrayList<>();
        FragmentMemory<Integer> memory = new FragmentMemory<>(3, released::add);
        stream(memory, 59);

        assertEquals(List.of(0, 10, 20), released, "six kept at most three");
        assertEquals(3, memory.size());
        assertEquals(List.of(50, 30), memory.companions(59));

        memory.clear();
        assertEquals(List.of(0, 10, 20, 30, 40, 50), released);
        assertEquals(List.of(), memory.companions(100));
        assertTrue(memory.due(at(0)), "a new stream keeps its first fragment");
    }

    @Test
    void theSameStreamGivesTheSameCompanions() {
        FragmentMemory<Integer> first = new FragmentMemory<>(5, released -> { });
        FragmentMemory<Integer> second = new FragmentMemory<>(5, released -> { });
        stream(first, 80);
        stream(second, 80);

        for (int target = 0; target <= 80; target++) {
            assertEquals(first.companions(target), second.companions(target), "companions of " + target);
        }
        assertFalse(first.due(at(80) + 1), "the last kept is frame 80");
    }
}
