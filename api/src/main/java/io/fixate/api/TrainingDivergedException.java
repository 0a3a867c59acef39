package io.fixate.api;

/**
 * Training produced a loss that is not finite, almost always because the learning rate is too high for the net; the
 * message names the net, the epoch and the step. The checkpoints of the epochs finished before it stay.
 */
public class TrainingDivergedException extends FixateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
