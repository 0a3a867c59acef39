package io.fixate.provider.scam.maps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CamMapTest {

    @Test
    void ofCopiesItsInputAndReadsRowMajor() {
        float[] values = {1, 2, 3, 4, 5, 6};
        CamMap map = CamMap.of(3, 2, values);
        values[0] = 9;

        assertEquals(1f, map.value(0, 0));
        assertEquals(6f, map.value(2, 1));
        assertEquals(4f, map.value(0, 1));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, map.toArray());
    }

    @Test
    void ofRejectsBadSizesAndValues() {
        assertThrows(IllegalArgumentException.class, () -> CamMap.of(0, 1, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> CamMap.of(2, 2, new float[3]));
        IllegalArgumentException nan =
                assertThrows(IllegalArgumentException.class, () -> CamMap.of(2, 1, new float[] {0, Float.NaN}));
        assertTrue(nan.getMessage().contains("index 1"), nan.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> CamMap.of(2, 1, new float[2]).value(2, 0));
    }

    @Test
    void normalizedStretchesToTheUnitRange() {
        CamMap map = CamMap.of(4, 1, new float[] {2, 4, 6, 10});

        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1}, map.normalized().toArray(), 1e-7f);
    }

    @Test
    void normalizedLeavesAConstantMapUnchanged() {
        CamMap constant = CamMap.of(2, 2, new float[] {7, 7, 7, 7});

        assertEquals(constant, constant.normalized());
        assertTrue(constant.isConstant());
    }

    @Test
    void normalizedCopesWithTheWholeFloatRange() {
        CamMap extreme = CamMap.of(3, 1, new float[] {-Float.MAX_VALUE, 0, Float.MAX_VALUE});

        assertArrayEquals(new float[] {0, 0.5f, 1}, extreme.normalized().toArray(), 1e-7f);
    }

    @Test
    void rectifiedZeroesOnlyNegativeValues() {
        CamMap map = CamMap.of(4, 1, new float[] {-2, -0.1f, 0, 3});

        assertArrayEquals(new float[] {0, 0, 0, 3}, map.rectified().toArray());
    }

    @Test
    void zeroedBelowKeepsValuesAtTheThreshold() {
        CamMap map = CamMap.of(4, 1, new float[] {0.1f, 0.5f, 0.6f, 1});

        assertArrayEquals(new float[] {0, 0.5f, 0.6f, 1}, map.zeroedBelow(0.5).toArray());
    }

    @Test
    void meanAndConstancy() {
        CamMap map = CamMap.of(2, 2, new float[] {1, 2, 3, 6});

        assertEquals(3.0, map.mean(), 1e-12);
        assertFalse(map.isConstant());
    }

    @Test
    void equalityIsBySizeAndValues() {
        float[] values = {1, 2, 3, 4};

        assertEquals(CamMap.of(2, 2, values), CamMap.of(2, 2, values));
        assertEquals(CamMap.of(2, 2, values).hashCode(), CamMap.of(2, 2, values).hashCode());
        assertNotEquals(CamMap.of(2, 2, values), CamMap.of(4, 1, values));
        assertNotEquals(CamMap.of(2, 2, values), CamMap.of(2, 2, new float[] {1, 2, 3, 5}));
    }
}
