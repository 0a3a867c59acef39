package io.fixate.eval.synth;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObserverSamplerTest {

    @Test
    void fixationsFollowTheDensityAndAvoidEmptyPixels() {
        double[] density = new double[4 * 3];
        density[5] = 1;   // (1, 1)
        density[10] = 3;  // (2, 2)
        int[][] points = ObserverSampler.sample(density, 4, 20_000, new SplittableRandom(1));
        int atHeavy = 0;
        for (int[] point : points) {
            int pixel = point[1] * 4 + point[0];
            assertTrue(pixel == 5 || pixel == 10, "sampled an empty pixel " + pixel);
            atHeavy += pixel == 10 ? 1 : 0;
        }
        assertEquals(0.75, atHeavy / 20_000.0, 0.015);
    }

    @Test
    void theSameRandomStreamGivesTheSameFixations() {
        double[] density = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(ObserverSampler.sample(density, 3, 50, new SplittableRandom(7)),
                ObserverSampler.sample(density, 3, 50, new SplittableRandom(7)));
    }
}
