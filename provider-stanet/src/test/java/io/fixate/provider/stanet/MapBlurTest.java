package io.fixate.provider.stanet;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapBlurTest {

    private static final int SIZE = 41;
    private static final int CENTRE = 20;

    @Test
    void aPointSpreadsIntoAGaussianThatKeepsItsMassAndCentre() {
        float[] point = new float[SIZE * SIZE];
        point[CENTRE * SIZE + CENTRE] = 1;

        float[] blurred = new MapBlur(2).apply(point, SIZE);

        float sum = 0;
        for (float value : blurred) {
            sum += value;
        }
        assertEquals(1, sum, 1e-5, "away from the borders the blur keeps the mass");
        int centre = CENTRE * SIZE + CENTRE;
        assertEquals(blurred[centre + 2], blurred[centre + 2 * SIZE], 1e-7, "as wide down as across");
        assertEquals(blurred[centre - 2], blurred[centre + 2], 1e-7, "symmetric");
        // one σ from the centre a Gaussian has fallen to exp(-1/2) of its peak
        assertEquals(Math.exp(-0.5), blurred[centre + 2] / blurred[centre], 1e-3);
    }

    @Test
    void aConstantMapStaysConstantUpToTheBorders() {
        float[] constant = new float[SIZE * SIZE];
        Arrays.fill(constant, 0.3f);

        float[] blurred = new MapBlur(3).apply(constant, SIZE);

        for (float value : blurred) {
            assertEquals(0.3f, value, 1e-6, "the border is not darkened");
        }
    }

    @Test
    void sigmaZeroLeavesTheMapAsItIs() {
        float[] map = {0.1f, 0.9f, 0.4f, 0.2f};

        float[] result = new MapBlur(0).apply(map, 2);

        assertArrayEquals(map, result);
        assertTrue(result != map, "a copy, not the caller's array");
    }

    @Test
    void aNegativeSigmaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MapBlur(-1));
    }
}
