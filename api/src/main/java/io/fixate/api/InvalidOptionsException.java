package io.fixate.api;

/** An option is wrong: out of range, not understood by the provider, or inconsistent with another option. */
public class InvalidOptionsException extends FixateException {
    private static final long serialVersionUID = 1L;

    public InvalidOptionsException(String message) {
        super(message);
    }

    public InvalidOptionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
