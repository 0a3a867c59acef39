package io.fixate.provider.scam.nets;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.training.MomentumSgd;
import io.fixate.spi.djl.training.TrainingStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class ScamNetTrainingTest {

    private static final int BATCH = 4;
    private static final int SIZE = 32;
    private static final int STEPS = 8;

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(3);
        manager = opened;
    }

    @Test
    void lossIsTheMultilabelSoftMarginOfBothLogitsWithTheRawTermWeighted() {
        float[] rawLogits = {2f, -1f, 0.5f, 0f, -3f, 1f};
        float[] fusedLogits = {-0.5f, 1.5f, 0f, 2f, 0.25f, -1f};
        float[] labels = {1, 0, 0, 0, 1, 0};
        Shape shape = new Shape(2, 3);
        NDList predictions = new NDList(manager.zeros(new Shape(2, 3, 1, 1)), manager.zeros(new Shape(2, 3, 1, 1)),
                manager.create(rawLogits, shape), manager.create(fusedLogits, shape));

        float loss = new ScamLoss(0.4f).evaluate(new NDList(manager.create(labels, shape)), predictions).getFloat();

        assertEquals(0.4 * multilabelSoftMargin(rawLogits, labels) + multilabelSoftMargin(fusedLogits, labels), loss,
                1e-5);
    }

    /** −mean[y log σ(x) + (1 − y) log σ(−x)] over classes and batch (PyTorch's MultiLabelSoftMarginLoss). */
    private static double multilabelSoftMargin(float[] logits, float[] labels) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double sigmoid = 1 / (1 + Math.exp(-logits[i]));
            sum += labels[i] * Math.log(sigmoid) + (1 - labels[i]) * Math.log(1 - sigmoid);
        }
        return -sum / logits.length;
    }

    @ParameterizedTest
    @EnumSource(Nets.class)
    void aFewSgdStepsOnAFixedBatchLowerTheLoss(Nets kind) {
        ScamNet net = kind.create();
        NDList inputs = kind.randomInputs(manager, BATCH, SIZE, SIZE);
        NDArray labels = manager.eye(Nets.CLASSES).get("0:" + BATCH);
        DefaultTrainingConfig config = new DefaultTrainingConfig(net.loss())
                .optOptimizer(new MomentumSgd(0.05f, 0))
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("scam-" + kind)) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(kind.inputShapes(BATCH, SIZE, SIZE));
                float first = step(trainer, inputs, labels);
                float last = first;
                for (int i = 1; i < STEPS; i++) {
                    last = step(trainer, inputs, labels);
                }
                assertTrue(last < 0.8f * first, "loss " + first + " -> " + last + " after " + STEPS + " steps");
            }
        }
    }

    /** One step of the SDK's own training step; its temporaries live in a sub-manager closed at the end. */
    private static float step(Trainer trainer, NDList inputs, NDArray labels) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            return TrainingStep.run(trainer, inputs, labels, step).loss();
        }
    }
}
