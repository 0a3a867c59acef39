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

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(NdManagerExtension.class)
class DsamTest {

    @Test
    void outputShapesFollowTheFeatures(NDManager manager) {
        Dsam dsam = new Dsam(8);
        Shape features = new Shape(2, 5, 4, 6, 7);
        dsam.initialize(manager, DataType.FLOAT32, features);
        NDList out = dsam.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(features)),
                false);

        assertEquals(features, out.get(0).getShape(), "X̃ keeps the features' shape");
        assertEquals(new Shape(2, 8, 6, 7), out.get(1).getShape(), "side features, time averaged");
        assertEquals(new Shape(2, 1, 6, 7), out.get(2).getShape(), "side logits");
        assertArrayEquals(dsam.getOutputShapes(new Shape[] {features}), out.getShapes());
    }

    /**
     * One channel, two frames of 2 × 2: X̄ = [[2, 3], [4, 5]]. With the 3×3 convolution an identity (centre weight 1)
     * and the 1×1 one too, S = X̄, A = X̄ − 6, M = softmax(2, 3, 4, 5) and X̃ = (1 + M) · X frame by frame.
     */
    @Test
    void computesTheAttentionByHand(NDManager manager) {
        Dsam dsam = new Dsam(1);
        Shape features = new Shape(1, 1, 2, 2, 2);
        dsam.initialize(manager, DataType.FLOAT32, features);
        Parameters.set(dsam, "side_weight", 0, 0, 0, 0, 1, 0, 0, 0, 0);
        Parameters.set(dsam, "side_bias", 0);
        Parameters.set(dsam, "activation_weight", 1);
        Parameters.set(dsam, "activation_bias", 0);
        float[] frames = {1, 2, 3, 4, 3, 4, 5, 6};

        NDList out = dsam.forward(new ParameterStore(manager, false),
                new NDList(manager.create(frames, features)), false);

        assertArrayEquals(new float[] {2, 3, 4, 5}, out.get(1).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {-4, -3, -2, -1}, out.get(2).toFloatArray(), 1e-5f);
        double sum = Math.exp(2) + Math.exp(3) + Math.exp(4) + Math.exp(5);
        float[] expected = new float[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = (float) (frames[i] * (1 + Math.exp(2 + i % 4) / sum));
        }
        assertArrayEquals(expected, out.get(0).toFloatArray(), 1e-5f);
    }

    @Test
    void theSpatialSoftmaxSumsToOnePerSample(NDManager manager) {
        NDArray logits = manager.create(new float[] {0, 1, 2, 3, -6, -6, -6, -6}, new Shape(2, 1, 2, 2));
        float[] attention = Dsam.spatialSoftmax(logits).toFloatArray();

        assertEquals(1, attention[0] + attention[1] + attention[2] + attention[3], 1e-6);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, Arrays.copyOfRange(attention, 4, 8),
                1e-6f, "a constant map gives uniform attention, whatever the offset");
    }
}
