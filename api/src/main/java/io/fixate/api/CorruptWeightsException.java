package io.fixate.api;

/** Model weights were found but fail their checksum or do not fit the model; the message names the file. */
public class CorruptWeightsException extends WeightsException {
    private static final long serialVersionUID = 1L;

    public CorruptWeightsException(String message) {
        super(message);
    }

    public CorruptWeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
