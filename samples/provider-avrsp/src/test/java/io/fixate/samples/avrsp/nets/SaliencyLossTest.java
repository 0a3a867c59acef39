package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(NdManagerExtension.class)
class SaliencyLossTest {

    private static final Shape MAP = new Shape(1, 1, 2, 2);
    private static final float[] ONE_FIXATION = {1, 0, 0, 0};

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    /** P = σ(0) = 0.5 everywhere: P̂ = 0.25, KL = ln 4, CC of a constant map 0, SIM = 0.25. */
    @Test
    void aFlatPredictionCostsLnFourLessATenthOfItsSimilarity() {
        assertEquals(Math.log(4) - 0.1 * 0.25, loss(new float[] {0, 0, 0, 0}, ONE_FIXATION), 1e-5);
    }

    /**
     * P = σ(ln 3, 0, 0, −ln 3) = (0.75, 0.5, 0.5, 0.25): P̂ = (0.375, 0.25, 0.25, 0.125), KL = ln(1/0.375),
     * CC = 0.25/√(0.125·0.75), SIM = 0.375.
     */
    @Test
    void lossIsDivergenceLessATenthOfCorrelationAndSimilarity() {
        float ln3 = (float) Math.log(3);
        double expected = Math.log(1 / 0.375) - 0.1 * (0.25 / Math.sqrt(0.125 * 0.75)) - 0.1 * 0.375;

        assertEquals(expected, loss(new float[] {ln3, 0, 0, -ln3}, ONE_FIXATION), 1e-5);
    }

    /** Two samples: the mean of their losses, each normalised on its own. */
    @Test
    void samplesAreNormalisedSeparatelyAndAveraged() {
        float ln3 = (float) Math.log(3);
        Shape two = new Shape(2, 1, 2, 2);
        float loss = new SaliencyLoss().evaluate(new NDList(manager.create(new float[] {1, 0, 0, 0, 5, 0, 0, 0},
                two)), new NDList(manager.create(new float[] {0, 0, 0, 0, ln3, 0, 0, -ln3}, two))).getFloat();

        double flat = Math.log(4) - 0.1 * 0.25;
        double shaped = Math.log(1 / 0.375) - 0.1 * (0.25 / Math.sqrt(0.125 * 0.75)) - 0.1 * 0.375;
        assertEquals((flat + shaped) / 2, loss, 1e-5);
    }

    /** A frame nobody looked at has no distribution to match: its loss is 0, not NaN. */
    @Test
    void anEmptyTargetCostsNothing() {
        assertEquals(0, loss(new float[] {1, -2, 0.5f, 3}, new float[] {0, 0, 0, 0}), 1e-6);
    }

    @Test
    void mapsOfAnotherShapeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SaliencyLoss().evaluate(
                new NDList(manager.zeros(MAP)), new NDList(manager.zeros(new Shape(1, 1, 4, 1)))));
    }

    private float loss(float[] logits, float[] target) {
        return new SaliencyLoss().evaluate(new NDList(manager.create(target, MAP)),
                new NDList(manager.create(logits, MAP))).getFloat();
    }
}
