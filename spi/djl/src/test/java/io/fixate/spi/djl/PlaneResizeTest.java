package io.fixate.spi.djl;

import io.fixate.api.FixationMap;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaneResizeTest {

    @Test
    void resizesMapsAsTheApiDoes() {
        Random random = new Random(7);
        int[][] sizes = {{16, 12, 64, 48}, {64, 48, 16, 12}, {7, 5, 30, 3}, {30, 3, 7, 5}, {1, 1, 4, 4}};
        for (int[] size : sizes) {
            float[] values = new float[size[0] * size[1]];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat();
            }
            FixationMap map = FixationMap.of(size[0], size[1], values, 0, 640, 480);
            assertArrayEquals(map.resized(size[2], size[3]).toArray(),
                    PlaneResize.bilinear(values, size[0], size[1], size[2], size[3]), 1e-6f,
                    size[0] + "x" + size[1] + " to " + size[2] + "x" + size[3]);
        }
    }

    @Test
    void halfPixelCentresHoldTheEdges() {
        float[] resized = PlaneResize.bilinear(new float[] {0, 1}, 2, 1, 4, 1);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, resized, 1e-6f);
        assertEquals(1, PlaneResize.bilinear(new float[] {1}, 1, 1, 3, 2)[5], 1e-6f);
    }
}
