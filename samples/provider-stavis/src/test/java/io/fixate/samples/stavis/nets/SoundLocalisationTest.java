package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(NdManagerExtension.class)
class SoundLocalisationTest {

    @Test
    void givesKMapsAtTheVisualFeaturesResolution(NDManager manager) {
        SoundLocalisation localisation = new SoundLocalisation(12, 16);
        Shape visual = new Shape(3, 32, 7, 5);
        Shape audio = new Shape(3, 128);
        localisation.initialize(manager, DataType.FLOAT32, visual, audio);

        NDArray maps = localisation.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(visual), manager.randomNormal(audio)), false).singletonOrThrow();

        assertEquals(new Shape(3, 12, 7, 5), maps.getShape());
    }

    /**
     * Identity projections, so h_v = ReLU(f_v) and h_a = ReLU(f_a) = (2, 1); bilinear rows [[1, 0], [0, 1]] (M_0 = I)
     * and [[0, 2], [1, 0]], so L_0 = h_a · h_v + 0.5 and L_1 = (2·h_a[1], h_a[0]) · h_v − 1. At the position where
     * f_v = (1, 2): L_0 = 2 + 2 + 0.5, L_1 = 2 + 4 − 1; where f_v = (3, −1), h_v = (3, 0): L_0 = 6.5, L_1 = 5.
     */
    @Test
    void computesTheBilinearMapsByHand(NDManager manager) {
        SoundLocalisation localisation = new SoundLocalisation(2, 2);
        localisation.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 2), new Shape(1, 2));
        Parameters.set(localisation, "visualProjection_weight", 1, 0, 0, 1);
        Parameters.set(localisation, "visualProjection_bias", 0, 0);
        Parameters.set(localisation, "audioProjection_weight", 1, 0, 0, 1);
        Parameters.set(localisation, "audioProjection_bias", 0, 0);
        Parameters.set(localisation, "bilinear_weight", 1, 0, 0, 1, 0, 2, 1, 0);
        Parameters.set(localisation, "offsets", 0.5f, -1f);
        // channel-first: channel 0 at the two positions, then channel 1
        NDArray visual = manager.create(new float[] {1, 3, 2, -1}, new Shape(1, 2, 1, 2));
        NDArray audio = manager.create(new float[] {2, 1}, new Shape(1, 2));

        NDArray maps = localisation.forward(new ParameterStore(manager, false), new NDList(visual, audio), false)
                .singletonOrThrow();

        assertArrayEquals(new float[] {4.5f, 6.5f, 5f, 5f}, maps.toFloatArray(), 1e-5f);
    }

    @Test
    void silenceThatProjectsToZeroLeavesOnlyTheOffsets(NDManager manager) {
        SoundLocalisation localisation = new SoundLocalisation(2, 2);
        localisation.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 2), new Shape(1, 2));
        Parameters.set(localisation, "audioProjection_bias", 0, 0);
        Parameters.set(localisation, "offsets", 0.5f, -1f);

        NDArray maps = localisation.forward(new ParameterStore(manager, false), new NDList(
                manager.randomNormal(new Shape(1, 2, 1, 2)), manager.zeros(new Shape(1, 2))), false).singletonOrThrow();

        assertArrayEquals(new float[] {0.5f, 0.5f, -1f, -1f}, maps.toFloatArray(), 1e-6f,
                "h_a = 0: no sound evidence anywhere");
    }
}
