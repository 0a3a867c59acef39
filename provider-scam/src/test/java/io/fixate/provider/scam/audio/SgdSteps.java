package io.fixate.provider.scam.audio;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.fixate.spi.djl.training.TrainingStep;

import java.util.Objects;

/**
 * Plain SGD steps with momentum 0.9 on any block with a loss, for tests that train on ready-made arrays rather than
 * samples. Each step's tensors live in a sub-manager closed at the end of the step. Close it to release the model.
 */
final class SgdSteps implements AutoCloseable {

    private static final float MOMENTUM = 0.9f;

    private final Model model;
    private final Trainer trainer;

    /**
     * A trainer for {@code block}, fresh and uninitialised, which it initialises with {@code seed} for inputs of
     * {@code inputShapes} on {@code device}.
     */
    SgdSteps(Block block, Loss loss, float learningRate, long seed, Device device, Shape... inputShapes) {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(loss, "loss");
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
        }
        Engine.getInstance().setRandomSeed((int) seed);
        model = Model.newInstance("test-training", device);
        try {
            model.setBlock(block);
            // Initialised before the DJL trainer exists, so that its configuration cannot replace the initialisers
            // the blocks chose (PyTorch's defaults in the bilinear layer).
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes);
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate))
                    .optMomentum(MOMENTUM).build();
            trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(sgd)
                    .optDevices(new Device[] {device}));
            trainer.initialize(inputShapes);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * One step on a batch: forward in training mode, loss against {@code labels}, backward, update.
     *
     * @return the batch's loss before the update
     */
    float step(NDList inputs, NDArray labels) {
        try (NDManager step = model.getNDManager().newSubManager()) {
            return TrainingStep.run(trainer, inputs, labels, step).loss();
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
