package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values from scipy's {@code ndimage.convolve(..., mode='reflect')} (the same mirror as Matlab's
 * 'symmetric') with a 2-D {@code fspecial('gaussian', 13, 2)} built in numpy.
 */
class StavisPostprocessTest {

    private static final double TOLERANCE = 1e-12;

    private static Grid impulse(int y, int x) {
        double[] values = new double[400];
        values[y * 20 + x] = 0.3;
        return Grid.of(20, 20, values);
    }

    @Test
    void theKernelIsThirteenWideAtSigmaTwoAndSumsToOne() {
        double[] kernel = GaussianBlur.gaussian(2);
        assertEquals(13, kernel.length);
        assertEquals(1, MapMath.sum(kernel), 1e-15);
        assertEquals(0.19967562749792112, kernel[6], TOLERANCE);
        assertEquals(0.17621312278855084, kernel[7], TOLERANCE);
    }

    @Test
    void anImpulseBecomesTheNormalisedGaussian() {
        // Min-max turns the impulse into 1; the centre keeps g(0)², two pixels right g(0)·g(2).
        Grid out = StavisPostprocess.apply(impulse(10, 10));
        assertEquals(0.039870356216688545, out.get(10, 10), TOLERANCE);
        assertEquals(0.024182593459085796, out.get(10, 12), TOLERANCE);
        assertEquals(1, MapMath.sum(out.values()), 1e-12);
    }

    @Test
    void theBorderMirrorsMassBackIn() {
        // At a corner the mirror folds offset −1 onto 0: (g(0) + g(1))² instead of g(0)².
        Grid out = StavisPostprocess.apply(impulse(0, 0));
        assertEquals(0.14129235259192566, out.get(0, 0), TOLERANCE);
        assertEquals(0.11176018779225651, out.get(0, 1), TOLERANCE);
        assertEquals(1, MapMath.sum(out.values()), 1e-12);
    }

    @Test
    void scalesClipsNormalisesAndBlursARamp() {
        double[] ramp = new double[64];
        double[] steep = new double[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                ramp[y * 8 + x] = (x * x + 3 * y) / 100.0;
                steep[y * 8 + x] = ramp[y * 8 + x] * 3 - 0.2; // below 0 and above 1 in places: clipped
            }
        }
        Grid out = StavisPostprocess.apply(Grid.of(8, 8, ramp));
        assertEquals(0.08948054231397132, out.get(0, 0), TOLERANCE);
        assertEquals(0.5002392328656059, out.get(3, 5), TOLERANCE);
        assertEquals(0.7591412024707473, out.get(7, 7), TOLERANCE);
        Grid clipped = StavisPostprocess.apply(Grid.of(8, 8, steep));
        assertEquals(0.06143491728489715, clipped.get(0, 0), TOLERANCE);
        assertEquals(0.7138402536375251, clipped.get(3, 5), TOLERANCE);
        assertEquals(0.9567392912698007, clipped.get(7, 7), TOLERANCE);
    }

    @Test
    void aFlatMapBecomesOneHalfAndAnAllZeroMapNaN() {
        Grid flat = StavisPostprocess.apply(Grid.of(3, 3, new double[] {4, 4, 4, 4, 4, 4, 4, 4, 4}));
        for (double v : flat.values()) {
            assertEquals(0.5, v, 1e-15);
        }
        for (Grid dark : new Grid[] {Grid.of(2, 2, new double[4]), Grid.of(2, 2, new double[] {-1, 0, -2, 0})}) {
            for (double v : StavisPostprocess.apply(dark).values()) {
                assertTrue(Double.isNaN(v));
            }
        }
    }

    @Test
    void rejectsNonsense() {
        Grid map = Grid.of(new double[] {0.1, 0.2});
        assertThrows(IllegalArgumentException.class, () -> StavisPostprocess.apply(map, 0));
        assertThrows(IllegalArgumentException.class,
                () -> StavisPostprocess.apply(Grid.of(new double[] {Double.NaN, 1})));
    }
}
