package io.fixate.provider.stanet.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class StaLossTest {

    /** Two samples of 1 × 1 × 2 maps, so that the sums run over the batch. */
    private static final Shape MAPS = new Shape(2, 1, 1, 2);

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    @Test
    void divergenceNormalisesBothMapsOverTheWholeBatch() {
        NDArray prediction = manager.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, MAPS);
        NDArray label = manager.create(new float[] {0, 0.5f, 0.5f, 0}, MAPS);

        float divergence = StaLoss.divergence(prediction, label).getFloat();

        // p̂ = p (it sums to 1), ĝ = (0, 0.5, 0.5, 0): 0.5·ln(0.5/0.2) + 0.5·ln(0.5/0.3)
        assertEquals(0.5 * Math.log(2.5) + 0.5 * Math.log(5.0 / 3), divergence, 1e-6);
    }

    @Test
    void lossIsBinaryCrossEntropyPlusDivergenceOfEachMapSummedOverTheMaps() {
        float[] fine = {2f, -1f, 0.5f, -3f};
        float[] coarse = {-0.5f, 1.5f, 0f, 0.25f};
        float[] label = {0.9f, 0.1f, 0.6f, 0f};

        float loss = evaluate(label, fine, coarse).getFloat();

        double expected = binaryCrossEntropy(fine, label) + divergence(sigmoid(fine), label)
                + binaryCrossEntropy(coarse, label) + divergence(sigmoid(coarse), label);
        assertEquals(expected, loss, 1e-5);
    }

    @Test
    void anAllZeroLabelGivesTheCrossEntropyAloneAndFiniteGradients() {
        float[] logits = {2f, -1f, 0.5f, -3f};
        float[] label = new float[4];
        NDArray prediction = manager.create(logits, MAPS);
        prediction.setRequiresGradient(true);

        float loss;
        try (GradientCollector gradients = manager.getEngine().newGradientCollector()) {
            NDArray value = new StaLoss().evaluate(new NDList(manager.create(label, MAPS)), new NDList(prediction));
            gradients.backward(value);
            loss = value.getFloat();
        }

        assertEquals(binaryCrossEntropy(logits, label), loss, 1e-6);
        NDArray gradient = prediction.getGradient();
        assertTrue(gradient.isNaN().logicalOr(gradient.isInfinite()).none().getBoolean(), gradient.toString());
    }

    @Test
    void mapsWhoseEverySigmoidUnderflowsGiveAFiniteLossAndGradients() {
        NDArray prediction = manager.full(MAPS, -200f);
        prediction.setRequiresGradient(true);
        float[] label = {0.9f, 0.1f, 0.6f, 0f};

        float loss;
        try (GradientCollector gradients = manager.getEngine().newGradientCollector()) {
            NDArray value = new StaLoss().evaluate(new NDList(manager.create(label, MAPS)), new NDList(prediction));
            gradients.backward(value);
            loss = value.getFloat();
        }

        assertTrue(Float.isFinite(loss), "loss " + loss);
        NDArray gradient = prediction.getGradient();
        assertTrue(gradient.isNaN().logicalOr(gradient.isInfinite()).none().getBoolean(), gradient.toString());
    }

    @Test
    void mapsOfAnotherShapeThanTheLabelAreRejected() {
        NDList label = new NDList(manager.zeros(MAPS));
        NDList predictions = new NDList(manager.zeros(new Shape(2, 1, 2, 1)));

        assertThrows(IllegalArgumentException.class, () -> new StaLoss().evaluate(label, predictions));
    }

    private NDArray evaluate(float[] label, float[]... maps) {
        NDList predictions = new NDList();
        for (float[] map : maps) {
            predictions.add(manager.create(map, MAPS));
        }
        return new StaLoss().evaluate(new NDList(manager.create(label, MAPS)), predictions);
    }

    /** PyTorch's BCEWithLogitsLoss: −mean[g log σ(o) + (1 − g) log(1 − σ(o))]. */
    private static double binaryCrossEntropy(float[] logits, float[] label) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double p = 1 / (1 + Math.exp(-logits[i]));
            sum += label[i] * Math.log(p) + (1 - label[i]) * Math.log(1 - p);
        }
        return -sum / logits.length;
    }

    private static double[] sigmoid(float[] logits) {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-logits[i]));
        }
        return p;
    }

    /** Σ ĝ ln(ĝ / p̂) over the terms with ĝ > 0 (ε changes nothing at this precision). */
    private static double divergence(double[] p, float[] label) {
        double pSum = 0;
        double gSum = 0;
        for (int i = 0; i < p.length; i++) {
            pSum += p[i];
            gSum += label[i];
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (label[i] > 0) {
                double g = label[i] / gSum;
                sum += g * Math.log(g / (p[i] / pSum));
            }
        }
        return sum;
    }
}
