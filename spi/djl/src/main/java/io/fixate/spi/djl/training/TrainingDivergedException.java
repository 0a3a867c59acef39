package io.fixate.spi.djl.training;

import io.fixate.api.InvalidOptionsException;

/**
 * Training produced a loss that is not finite, almost always because the learning rate is too high for the net: an
 * options problem the user fixes by choosing another rate, hence an {@link InvalidOptionsException}.
 */
public final class TrainingDivergedException extends InvalidOptionsException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
