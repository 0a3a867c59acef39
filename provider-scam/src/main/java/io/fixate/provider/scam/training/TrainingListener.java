package io.fixate.provider.scam.training;

/** Progress of a {@link NetTrainer} run, for example to draw a progress bar. Epochs and steps count from 1. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** After optimisation step {@code step} of {@code steps} in {@code epoch}, with that batch's loss. */
    default void stepFinished(int epoch, int step, int steps, float loss) {
    }

    /**
     * After {@code epoch} and its checkpoint, with the mean training loss of its steps and the top-1 accuracy on the
     * validation samples (NaN without validation samples).
     */
    default void epochFinished(int epoch, float meanLoss, float validationAccuracy) {
    }
}
