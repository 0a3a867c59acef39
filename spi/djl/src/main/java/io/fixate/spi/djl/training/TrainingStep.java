package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;

/**
 * One optimisation step of a DJL {@link Trainer} whose optimizer does not clear gradients itself (as a custom
 * optimizer keeping its own momentum buffers): zero the gradients, forward, loss, backward, update. A step whose
 * gradients are not all finite is not applied: on the AVX-512 CPU this project is built on, native convolution kernels
 * returned NaN gradients for finite inputs and weights now and then (README, "Requirements"), and one such update
 * would turn every weight into NaN; skipping it, as mixed-precision training skips overflowing steps, loses one batch.
 */
public final class TrainingStep {

    private static final NDIndex EVERY_ELEMENT = new NDIndex("...");

    /**
     * What a step did.
     *
     * @param loss    the batch's loss before the update
     * @param applied whether the update was applied (false when the gradients were not all finite)
     */
    public record Outcome(float loss, boolean applied) {
    }

    private TrainingStep() {
    }

    /**
     * Forward in training mode, loss against {@code labels}, backward and, if every gradient is finite, the update.
     * Predictions and loss are attached to {@code step}, the caller's per-step manager, which the caller closes.
     */
    public static Outcome run(Trainer trainer, NDList inputs, NDArray labels, NDManager step) {
        float loss;
        try (GradientCollector gradients = trainer.newGradientCollector()) {
            // PyTorch adds each backward pass into the gradients, and DJL's Trainer leaves clearing them to the
            // optimizer (its native SGD does); a custom optimizer that does not would apply, at every step, the sum
            // of all gradients since the trainer started, a sum that a resumed run would restart from zero.
            zeroGradients(trainer, step);
            NDList predictions = trainer.forward(inputs);
            predictions.attach(step);
            NDArray lossValue = trainer.getLoss().evaluate(new NDList(labels), predictions);
            lossValue.attach(step);
            gradients.backward(lossValue);
            loss = lossValue.getFloat();
        }
        if (Float.isFinite(loss) && !gradientsFinite(trainer)) {
            return new Outcome(loss, false);
        }
        trainer.step();
        return new Outcome(loss, true);
    }

    private static boolean gradientsFinite(Trainer trainer) {
        for (Pair<String, Parameter> parameter : trainer.getModel().getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                // one NaN or infinity anywhere makes the sum NaN or infinite
                try (NDArray gradient = array.getGradient(); NDArray sum = gradient.sum()) {
                    if (!Float.isFinite(sum.getFloat())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Zeroes the gradients of the trainer's parameters in place, by assignment: subtracting a gradient from itself
     * would keep a NaN. Not {@code GradientCollector.zeroGradients()}: it takes two gradient handles per parameter
     * and never closes them, which grows native memory by every step.
     */
    private static void zeroGradients(Trainer trainer, NDManager step) {
        // an array, not a number: assigning a number creates a scalar on the gradient's manager, which would live on
        NDArray zero = step.create(0f);
        for (Pair<String, Parameter> parameter : trainer.getModel().getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.set(EVERY_ELEMENT, zero);
                }
            }
        }
    }
}
