package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;

/**
 * One optimisation step of a DJL {@link Trainer} whose optimizer does not clear gradients itself (as a custom
 * optimizer keeping its own momentum buffers): zero the gradients, forward, loss, backward, update.
 */
public final class TrainingStep {

    private TrainingStep() {
    }

    /**
     * Forward in training mode, loss against {@code labels}, backward and update. Predictions and loss are attached
     * to {@code step}, the caller's per-step manager, which the caller closes.
     *
     * @return the batch's loss before the update
     */
    public static float run(Trainer trainer, NDList inputs, NDArray labels, NDManager step) {
        float loss;
        try (GradientCollector gradients = trainer.newGradientCollector()) {
            // PyTorch adds each backward pass into the gradients, and DJL's Trainer leaves clearing them to the
            // optimizer (its native SGD does); a custom optimizer that does not would apply, at every step, the sum
            // of all gradients since the trainer started, a sum that a resumed run would restart from zero.
            zeroGradients(trainer);
            NDList predictions = trainer.forward(inputs);
            predictions.attach(step);
            NDArray lossValue = trainer.getLoss().evaluate(new NDList(labels), predictions);
            lossValue.attach(step);
            gradients.backward(lossValue);
            loss = lossValue.getFloat();
        }
        trainer.step();
        return loss;
    }

    /**
     * Zeroes the gradients of the trainer's parameters in place. Not {@code GradientCollector.zeroGradients()}: it
     * takes two gradient handles per parameter and never closes them, which grows native memory by every step.
     */
    private static void zeroGradients(Trainer trainer) {
        for (Pair<String, Parameter> parameter : trainer.getModel().getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }
}
