package io.fixate.api;

/** Model weights were not found where they were expected; the message names the location. */
public class MissingWeightsException extends WeightsException {
    public MissingWeightsException(String message) {
        super(message);
    }

    public MissingWeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
