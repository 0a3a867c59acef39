package io.fixate.provider.stanet.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@ExtendWith(NdManagerExtension.class)
class BilinearUpsamplingTest {

    private static final float EPS = 1e-6f;

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    @Test
    void doublingMatchesPyTorchWithoutAlignedCornersOnEveryChannel() {
        // F.interpolate(arange(4).view(1, 1, 2, 2), scale_factor=2, mode="bilinear", align_corners=False)
        float[] doubled = {
                0.0f, 0.25f, 0.75f, 1.0f,
                0.5f, 0.75f, 1.25f, 1.5f,
                1.5f, 1.75f, 2.25f, 2.5f,
                2.0f, 2.25f, 2.75f, 3.0f};
        NDArray maps = manager.create(new float[] {0, 1, 2, 3, 0, 10, 20, 30}, new Shape(1, 2, 2, 2));

        NDArray resized = BilinearUpsampling.resize(maps, 4, 4);

        assertEquals(new Shape(1, 2, 4, 4), resized.getShape());
        assertArrayEquals(doubled, resized.get("0, 0").toFloatArray(), EPS);
        assertArrayEquals(manager.create(doubled).mul(10).toFloatArray(), resized.get("0, 1").toFloatArray(), 1e-5f);
    }

    @Test
    void oddTargetSizesSampleAtHalfPixelCentres() {
        // three output columns over two source cells sample positions -1/6, 1/2 and 7/6, clamped to the cells
        NDArray maps = manager.create(new float[] {0, 6}, new Shape(1, 1, 1, 2));

        NDArray resized = BilinearUpsampling.resize(maps, 2, 3);

        assertArrayEquals(new float[] {0, 3, 6, 0, 3, 6}, resized.toFloatArray(), EPS);
    }

    @Test
    void mapsOfTheTargetSizeAreReturnedAsTheyAre() {
        NDArray maps = manager.randomNormal(new Shape(2, 3, 5, 4));

        assertSame(maps, BilinearUpsampling.resize(maps, 5, 4));
    }
}
