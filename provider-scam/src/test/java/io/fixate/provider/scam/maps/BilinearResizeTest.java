package io.fixate.provider.scam.maps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BilinearResizeTest {

    private static final float EPS = 1e-6f;

    @Test
    void doublingMatchesPyTorchWithoutAlignedCorners() {
        // F.interpolate(arange(4).view(1, 1, 2, 2), scale_factor=2, mode="bilinear", align_corners=False)
        CamMap source = CamMap.of(2, 2, new float[] {0, 1, 2, 3});

        CamMap resized = BilinearResize.resize(source, 4, 4);

        assertArrayEquals(new float[] {
                0.0f, 0.25f, 0.75f, 1.0f,
                0.5f, 0.75f, 1.25f, 1.5f,
                1.5f, 1.75f, 2.25f, 2.5f,
                2.0f, 2.25f, 2.75f, 3.0f}, resized.toArray(), EPS);
    }

    @Test
    void halvingSamplesBetweenPairsOfCells() {
        // output cells sample source positions 0.5 and 2.5
        CamMap resized = BilinearResize.resize(CamMap.of(4, 1, new float[] {0, 1, 2, 3}), 2, 1);

        assertArrayEquals(new float[] {0.5f, 2.5f}, resized.toArray(), EPS);
    }

    @Test
    void axesScaleIndependently() {
        // columns 2 → 3 sample -1/6 (clamped to 0), 1/2 and 7/6 (held at the last cell); one row becomes two
        CamMap resized = BilinearResize.resize(CamMap.of(2, 1, new float[] {0, 6}), 3, 2);

        assertEquals(3, resized.width());
        assertEquals(2, resized.height());
        assertArrayEquals(new float[] {0, 3, 6, 0, 3, 6}, resized.toArray(), EPS);
    }

    @Test
    void theSameSizeIsTheIdentity() {
        CamMap source = CamMap.of(3, 2, new float[] {1, 5, 2, 8, 3, 7});

        assertEquals(source, BilinearResize.resize(source, 3, 2));
    }

    @Test
    void rejectsAnEmptyTarget() {
        CamMap source = CamMap.of(1, 1, new float[] {1});

        assertThrows(IllegalArgumentException.class, () -> BilinearResize.resize(source, 0, 3));
    }
}
