package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(NdManagerExtension.class)
class RegulatorGateTest {

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    /**
     * One channel, one time step: a coarse A of one cell (2) and a fine F̂ of 2 × 2 cells (1, 2, 3, 4); the gate's
     * convolution has only its centre taps, 0.5 on F̂ and −1 on up(A), and bias 0.1, so
     * g = σ(mean(0.5·F̂ − 1·2) + 0.1) = σ(1.25 − 2 + 0.1) = σ(−0.65) and A' = g·2 on every cell.
     */
    @Test
    void theGateIsTheSigmoidOfThePooledConvolutionAndScalesTheUpsampledFeature() {
        RegulatorGate gate = new RegulatorGate(1);
        Shape fine = new Shape(1, 1, 1, 2, 2);
        gate.initialize(manager, DataType.FLOAT32, fine, new Shape(1, 1, 1, 1, 1));
        for (Pair<String, Parameter> parameter : gate.getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (parameter.getKey().endsWith("weight")) {
                array.set(new NDIndex("..."), 0f);
                array.set(new NDIndex("0, 0, 1, 1, 1"), 0.5f);
                array.set(new NDIndex("0, 1, 1, 1, 1"), -1f);
            } else {
                array.set(new NDIndex("..."), 0.1f);
            }
        }

        NDList out = gate.forward(new ParameterStore(manager, false), new NDList(
                manager.create(new float[] {1, 2, 3, 4}, fine), manager.create(new float[] {2}, new Shape(1, 1, 1, 1,
                        1))), false);

        float g = (float) (1 / (1 + Math.exp(0.65)));
        assertArrayEquals(new float[] {g}, out.get(1).toFloatArray(), 1e-6f);
        assertEquals(fine, out.get(0).getShape());
        assertArrayEquals(new float[] {2 * g, 2 * g, 2 * g, 2 * g}, out.get(0).toFloatArray(), 1e-6f);
    }

    @Test
    void nearestUpsamplingRepeatsEachCellOverItsSquare() {
        NDArray maps = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));

        NDArray up = Upsampling.nearest(maps, 2);

        assertEquals(new Shape(1, 1, 4, 4), up.getShape());
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, up.toFloatArray(), 0f);
    }
}
