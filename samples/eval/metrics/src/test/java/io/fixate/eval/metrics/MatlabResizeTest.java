package io.fixate.eval.metrics;

import static io.fixate.eval.metrics.MatlabResize.Boundary.REPLICATE;
import static io.fixate.eval.metrics.MatlabResize.Boundary.SYMMETRIC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * Expected values are worked by hand from Matlab's {@code contributions}: Keys cubic k(0.25) = 0.8671875,
 * k(0.75) = 0.2265625, k(1.25) = −0.0703125, k(1.75) = −0.0234375, k(1.5) = −0.0625, k(0.5) = 0.5625. The 2-D cases
 * were cross-checked with a separate numpy implementation that builds the full weight matrices.
 */
class MatlabResizeTest {

    private static final double TOLERANCE = 1e-14;

    @Test
    void upsamplingByTwoOvershootsAndMirrorsAtTheBorder() {
        // Output 1: u = 0.75, taps at Matlab indices −2..3 with weights 0, k(1.75), k(0.75), k(0.25), k(1.25), 0.
        // Mirrored, index −1 reads b and 0 reads a: 1.09375a − 0.09375b; output 2 (u = 1.25): 0.796875a + 0.203125b.
        Grid out = MatlabResize.resize(Grid.of(new double[] {0, 1}), 1, 4, SYMMETRIC);
        assertArrayEquals(new double[] {-0.09375, 0.203125, 0.796875, 1.09375}, out.toArray(), TOLERANCE);
    }

    @Test
    void replicateBoundaryClampsTheOutsideTapsInstead() {
        // Index −1 now reads a: 1.0703125a − 0.0703125b; the inner outputs read no outside tap and stay the same.
        Grid out = MatlabResize.resize(Grid.of(new double[] {0, 1}), 1, 4, REPLICATE);
        assertArrayEquals(new double[] {-0.0703125, 0.203125, 0.796875, 1.0703125}, out.toArray(), TOLERANCE);
    }

    @Test
    void downsamplingWidensTheKernelToAntialias() {
        // Scale 1/2: h(x) = k(x/2)/2 over 8 samples, u = 1.5 for output 1; the weights at Matlab indices −2..5 are
        // −0.01171875, −0.03515625, 0.11328125, 0.43359375, 0.43359375, 0.11328125, −0.03515625, −0.01171875.
        // Mirrored (−2→3, −1→2, 0→1, 5→4): 0.546875·1 + 0.3984375·2 + 0.1015625·3 − 0.046875·4 = 1.4609375.
        Grid row = Grid.of(new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {1.4609375, 3.5390625},
                MatlabResize.resize(row, 1, 2, SYMMETRIC).toArray(), TOLERANCE);
        // Clamped (−2, −1, 0 → 1; 5 → 4): 0.5·1 + 0.43359375·2 + 0.11328125·3 − 0.046875·4 = 1.51953125.
        assertArrayEquals(new double[] {1.51953125, 3.48046875},
                MatlabResize.resize(row, 1, 2, REPLICATE).toArray(), TOLERANCE);
    }

    @Test
    void columnsResizeLikeRows() {
        Grid column = Grid.of(new double[] {1}, new double[] {2}, new double[] {3}, new double[] {4});
        assertArrayEquals(new double[] {1.4609375, 3.5390625},
                MatlabResize.resize(column, 2, 1, SYMMETRIC).toArray(), TOLERANCE);
    }

    @Test
    void upsamplingReproducesLinearDataAtTheMappedCoordinate() {
        // Keys' kernel with a = −0.5 reproduces linear data exactly when every tap is inside, so such an output
        // equals the ramp 4r + c at its mapped coordinate u = x/1.5 + 0.5(1 − 1/1.5) (1-based): outputs 3 and 4 of
        // 4 → 6 read only taps 1..4.
        Grid ramp = Grid.of(new double[] {0, 1, 2, 3}, new double[] {4, 5, 6, 7}, new double[] {8, 9, 10, 11},
                new double[] {12, 13, 14, 15});
        Grid up = MatlabResize.resize(ramp, 6, 6, SYMMETRIC);
        double u3 = 3 / 1.5 + 0.5 * (1 - 1 / 1.5) - 1;
        double u4 = 4 / 1.5 + 0.5 * (1 - 1 / 1.5) - 1;
        assertEquals(4 * u3 + u3, up.get(2, 2), TOLERANCE);
        assertEquals(4 * u3 + u4, up.get(2, 3), TOLERANCE);
        assertEquals(4 * u4 + u3, up.get(3, 2), TOLERANCE);
    }

    @Test
    void bothDimensionsOfASmallMap() {
        Grid small = Grid.of(new double[] {1, 2}, new double[] {3, 5});
        assertArrayEquals(new double[] {
            0.7964891975308637, 1.3263888888888884, 1.8562885802469131,
            1.895833333333333, 2.75, 3.604166666666667,
            2.9951774691358026, 4.173611111111112, 5.352044753086421},
                MatlabResize.resize(small, 3, 3, SYMMETRIC).toArray(), TOLERANCE);
        assertArrayEquals(new double[] {
            0.8297378686556931, 1.3553240740740744, 1.8809102794924557,
            1.9131944444444446, 2.75, 3.5868055555555554,
            2.996651020233196, 4.144675925925926, 5.292700831618655},
                MatlabResize.resize(small, 3, 3, REPLICATE).toArray(), TOLERANCE);
    }

    @Test
    void shrinksOneDimensionWhileGrowingTheOther() {
        Grid map = Grid.of(new double[] {1, 0, 2, 0}, new double[] {0, 3, 0, 1}, new double[] {2, 1, 0, 4});
        assertArrayEquals(new double[] {
            0.597222222222222, 0.757523148148148, 1.044624485596708, 1.4468878600823047, 0.8165509259259259,
            0.05941358024691276,
            1.3564814814814816, 1.6591435185185186, 1.4769804526748966, -0.0610853909465018, 1.4334490740740744,
            3.4128086419753103},
                MatlabResize.resize(map, 2, 6, SYMMETRIC).toArray(), TOLERANCE);
    }

    @Test
    void sameSizeIsTheIdentity() {
        Grid map = Grid.of(new double[] {0.3, -1}, new double[] {2, 7});
        assertSame(map, MatlabResize.resize(map, 2, 2, SYMMETRIC));
    }
}
