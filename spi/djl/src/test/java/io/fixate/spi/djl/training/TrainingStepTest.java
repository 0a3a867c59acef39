package io.fixate.spi.djl.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step whose gradients are not finite is not applied, and leaves nothing behind for the next step. */
class TrainingStepTest {

    /** √|prediction − label|, summed: finite at a zero residual, where its gradient is not (0 · ∞). */
    private static final class RootLoss extends Loss {

        RootLoss() {
            super("root");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            return predictions.singletonOrThrow().sub(labels.singletonOrThrow()).abs().sqrt().sum();
        }
    }

    @Test
    void aStepWithNanGradientsIsSkippedAndTheNextOneLearnsAgain() {
        Block linear = Linear.builder().setUnits(1).optBias(false).build();
        linear.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        try (Model model = Model.newInstance("root")) {
            model.setBlock(linear);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new RootLoss())
                    .optOptimizer(new MomentumSgd(0.1f, 0));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                NDManager manager = model.getNDManager();
                NDArray weights = linear.getParameters().get("weight").getArray();

                TrainingStep.Outcome skipped;
                try (NDManager step = manager.newSubManager()) {
                    // zero weights predict 0 = the label: the loss is 0 and its gradient NaN
                    skipped = TrainingStep.run(trainer, new NDList(step.create(new float[] {1, 2}, new Shape(1, 2))),
                            step.create(new float[] {0}, new Shape(1, 1)), step);
                }
                assertFalse(skipped.applied());
                assertArrayEquals(new float[] {0, 0}, weights.toFloatArray());

                TrainingStep.Outcome applied;
                try (NDManager step = manager.newSubManager()) {
                    applied = TrainingStep.run(trainer, new NDList(step.create(new float[] {1, 2}, new Shape(1, 2))),
                            step.create(new float[] {4}, new Shape(1, 1)), step);
                }
                assertTrue(applied.applied());
                for (float weight : weights.toFloatArray()) {
                    assertTrue(Float.isFinite(weight) && weight > 0, "weight " + weight);
                }
            }
        }
    }
}
