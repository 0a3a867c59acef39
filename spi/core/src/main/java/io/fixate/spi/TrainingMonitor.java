package io.fixate.spi;

/**
 * Progress of a training run, for a host to show; a run trains one or more stages (for example one per net) in
 * order. Epochs and steps count from 1. Called on the training thread; keep it quick.
 */
public interface TrainingMonitor {

    /** A monitor that ignores everything. */
    TrainingMonitor NONE = new TrainingMonitor() {
    };

    /** Stage {@code stage} starts (or resumes) with {@code epochs} epochs of {@code stepsPerEpoch} steps each. */
    default void stageStarted(String stage, int epochs, int stepsPerEpoch) {
    }

    /** A stage that an earlier, interrupted run already finished is skipped. */
    default void stageSkipped(String stage) {
    }

    /** After step {@code step} of {@code steps} of an epoch, with that step's loss. */
    default void stepFinished(String stage, int epoch, int step, int steps, float loss) {
    }

    /**
     * After an epoch and its checkpoint, with its mean training loss and a validation score where higher is better,
     * named by {@code validationMetric} (for example top-1 accuracy of a classifier, or the mean correlation of a
     * predictor's maps with its teacher's), in [0, 1]; NaN where the stage has no validation data.
     */
    default void epochFinished(String stage, int epoch, int epochs, float meanLoss, String validationMetric,
                               float validationScore) {
    }

    /** Something a user should know that is not a number, e.g. how many samples a stage kept. */
    default void note(String stage, String message) {
    }
}
