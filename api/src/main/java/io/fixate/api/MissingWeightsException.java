package io.fixate.api;

/** Model weights were not found where they were expected; the message names the location. */
public class MissingWeightsException extends WeightsException {
    private static final long serialVersionUID = 1L;

    public MissingWeightsException(String message) {
        super(message);
    }

    public MissingWeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
