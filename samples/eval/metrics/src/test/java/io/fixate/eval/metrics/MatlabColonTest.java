package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MatlabColonTest {

    @Test
    void endsExactlyAtTheRequestedEndWhereAccumulationWouldOvershoot() {
        double[] v = MatlabColon.range(0, 0.1, 0.3);
        assertNotEquals(0.3, 3 * 0.1, "the trap this avoids");
        // First half a + k·d, second half c − k·d from the snapped end c = 0.3.
        assertArrayEquals(new double[] {0, 0.1, 0.3 - 0.1, 0.3}, v, 0);
    }

    @Test
    void evenIntervalCountsPutTheExactMidpointInTheMiddle() {
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.4 - 0.1, 0.4}, MatlabColon.range(0, 0.1, 0.4), 0);
    }

    @Test
    void upToOneGivesElevenThresholdsWithExactTenths() {
        double[] v = MatlabColon.range(0, 0.1, 1);
        assertEquals(11, v.length);
        assertEquals(0.6, v[6], 0, "1 − 4·0.1, where 6·0.1 would be 0.6000000000000001");
        assertEquals(0.7, v[7], 0);
        assertEquals(1, v[10], 0);
    }

    @Test
    void stopsAtTheLastStepBelowAnEndBeyondTheTolerance() {
        double[] v = MatlabColon.range(0, 0.1, 0.95);
        assertEquals(10, v.length);
        assertEquals(9 * 0.1, v[9], 0);
        assertEquals(1, MatlabColon.range(0, 0.1, 0.05).length);
        assertArrayEquals(new double[] {0}, MatlabColon.range(0, 0.1, 0), 0);
    }

    @Test
    void snapsToAnEndWithinTwoEpsOfAStep() {
        double end = 1 - 1e-16; // 0.9999999999999999, within 2·eps·1 of 10·0.1
        double[] v = MatlabColon.range(0, 0.1, end);
        assertEquals(11, v.length);
        assertEquals(end, v[10], 0);
    }

    @Test
    void runningTheWrongWayIsEmpty() {
        assertEquals(0, MatlabColon.range(0, 0.1, -1).length);
        assertEquals(0, MatlabColon.range(1, -0.1, 2).length);
    }
}
