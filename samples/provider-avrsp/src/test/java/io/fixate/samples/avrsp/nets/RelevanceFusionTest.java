package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class RelevanceFusionTest {

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    /** One visual query against two audio keys, one head of size 2. */
    @Test
    void retentionIsASigmoidPerKeyWithoutNormalisationAcrossKeys() {
        NDArray queryVisual = tokens(1, 2, 1, 0);
        NDArray keyAudio = tokens(2, 2, 2, 0, 0, 2);
        NDArray valueAudio = tokens(2, 2, 1, 1, 2, 0);
        NDArray valueVisual = tokens(1, 2, 0.5f, -0.5f);

        NDList attention = RelevanceFusion.relevanceAttention(queryVisual, tokens(1, 2, 0, 0), valueVisual,
                tokens(2, 2, 0, 0, 0, 0), keyAudio, valueAudio, 1);

        // scores Q_v·K_aᵀ/√2 = (2/√2, 0): retentions σ(√2) = 0.80437 and σ(0) = 0.5, which sum to 1.30437, not 1
        double first = 1 / (1 + Math.exp(-Math.sqrt(2)));
        assertArrayEquals(new float[] {(float) first, 0.5f}, attention.get(2).toFloatArray(), 1e-5f);
        // Att_v = RetA·V_a + V_v = 0.80437·(1, 1) + 0.5·(2, 0) + (0.5, −0.5)
        assertArrayEquals(new float[] {(float) (first + 1 + 0.5), (float) (first - 0.5)},
                attention.get(0).toFloatArray(), 1e-5f);
        // the audio side: zero queries retain half of every visual value, Att_a = 0.5·V_v + V_a
        assertArrayEquals(new float[] {1.25f, 0.75f, 2.25f, -0.25f}, attention.get(1).toFloatArray(), 1e-6f);
    }

    /** Two heads of size 1: each head scores its own channel, scaled by √1. */
    @Test
    void headsAttendOnTheirOwnChannels() {
        NDList attention = RelevanceFusion.relevanceAttention(tokens(1, 2, 1, 2), tokens(1, 2, 0, 0),
                tokens(1, 2, 1, 1), tokens(1, 2, 0, 0), tokens(1, 2, 1, -1), tokens(1, 2, 10, 20), 2);

        double head1 = 1 / (1 + Math.exp(-1));
        double head2 = 1 / (1 + Math.exp(2));
        assertArrayEquals(new float[] {(float) head1, (float) head2}, attention.get(2).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {(float) (10 * head1 + 1), (float) (20 * head2 + 1)},
                attention.get(0).toFloatArray(), 1e-5f);
    }

    /** Audio whose values are zero adds nothing to the visual tokens, however relevant its keys look. */
    @Test
    void audioWithZeroValuesIsShutOff() {
        NDArray valueVisual = tokens(3, 2, 1, 2, 3, 4, 5, 6);
        NDArray relevantKeys = tokens(2, 2, 0.5f, 0.5f, -0.5f, 0.3f);
        NDList attention = RelevanceFusion.relevanceAttention(tokens(3, 2, 1, 1, -1, 1, 0, 1),
                tokens(3, 2, 1, 1, 1, 1, 1, 1), valueVisual, tokens(2, 2, 1, 1, 1, 1), relevantKeys,
                tokens(2, 2, 0, 0, 0, 0), 1);

        assertArrayEquals(valueVisual.toFloatArray(), attention.get(0).toFloatArray(), 0f);
        for (float retention : attention.get(2).toFloatArray()) {
            assertTrue(retention > 0 && retention < 1, "a retention in (0, 1): " + retention);
        }
    }

    @Test
    void aBlockKeepsTheShapesOfBothStreams() {
        RelevanceFusion block = new RelevanceFusion(8, 2);
        Shape visual = new Shape(2, 12, 8);
        Shape audio = new Shape(2, 8, 8);
        block.initialize(manager, DataType.FLOAT32, visual, audio);

        NDList out = block.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(visual),
                manager.randomNormal(audio)), false);

        assertEquals(visual, out.get(0).getShape());
        assertEquals(audio, out.get(1).getShape());
    }

    /** (1, count, width) tokens with the given values. */
    private NDArray tokens(int count, int width, float... values) {
        return manager.create(values, new Shape(1, count, width));
    }
}
