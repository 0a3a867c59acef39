package io.fixate.provider.scam.audio;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class BilinearTest {

    @Test
    void eachOutputIsTheBilinearFormOfItsOwnSamplePlusBias(NDManager manager) {
        Bilinear bilinear = new Bilinear(2, 3, 2);
        bilinear.initialize(manager, DataType.FLOAT32, new Shape(2, 2), new Shape(2, 3));
        set(bilinear, "weight", manager.create(new float[] {
                1, 2, 3, 4, 5, 6, // W_0
                0, 1, 0, 1, 0, 1, // W_1
        }, new Shape(2, 2, 3)));
        set(bilinear, "bias", manager.create(new float[] {0.5f, -1}));
        NDArray left = manager.create(new float[] {1, 2, 0, 1}, new Shape(2, 2));
        NDArray right = manager.create(new float[] {1, 0, -1, 2, 1, 0}, new Shape(2, 3));

        NDArray output = bilinear.forward(new ParameterStore(manager, false), new NDList(left, right), false)
                .singletonOrThrow();

        // Sample 0: W_0·v = (−2, −2), aᵀ(…) = −6; W_1·v = (0, 0). Sample 1: W_0·v = (4, 13) → 13; W_1·v = (1, 2) → 2.
        assertEquals(new Shape(2, 2), output.getShape());
        assertArrayEquals(new float[] {-5.5f, -1, 13.5f, 1}, output.toFloatArray(), 1e-5f);
    }

    @Test
    void parametersStartUniformWithinPyTorchsBound(NDManager manager) {
        Bilinear bilinear = new Bilinear(16, 4, 8);
        bilinear.initialize(manager, DataType.FLOAT32, new Shape(1, 16), new Shape(1, 4));
        NDArray weight = bilinear.getParameters().get("weight").getArray();

        assertEquals(new Shape(8, 16, 4), weight.getShape());
        assertTrue(weight.abs().max().getFloat() <= 0.25f, "weights within ±1/√16");
        assertTrue(weight.abs().max().getFloat() > 0.2f, "weights spread over the bound, not near zero");
    }

    @Test
    void aForwardLeavesNothingBehindInTheParametersManager(NDManager manager) {
        Bilinear bilinear = new Bilinear(4, 3, 5);
        bilinear.initialize(manager, DataType.FLOAT32, new Shape(2, 4), new Shape(2, 3));
        int arraysBefore = manager.getManagedArrays().size();

        for (int i = 0; i < 3; i++) {
            try (NDManager step = manager.newSubManager()) {
                bilinear.forward(new ParameterStore(step, true), new NDList(step.ones(new Shape(2, 4)),
                        step.ones(new Shape(2, 3))), true);
            }
        }

        assertEquals(arraysBefore, manager.getManagedArrays().size(), "arrays left in the parameters' manager");
    }

    private static void set(Bilinear bilinear, String name, NDArray value) {
        value.copyTo(bilinear.getParameters().get(name).getArray());
    }
}
