package io.fixate.provider.scam.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

/** One optimisation step of a DJL {@link Trainer}, shared by every trainer of the module. */
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
            // optimizer (its native SGD does); MomentumSgd does not, so without this every step would apply the
            // sum of all gradients since the trainer started, a sum that a resumed run would restart from zero.
            gradients.zeroGradients();
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
}
