package io.fixate.api;

/** Model weights cannot be used; see the subclasses for missing and corrupt weights. */
public class WeightsException extends FixateException {
    private static final long serialVersionUID = 1L;

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
