package io.fixate.api;

/**
 * Base of every error Fixate reports on purpose. Unchecked, so that it passes through callbacks and streams; each
 * method documents the subclasses it throws. The message always names the thing that is wrong (file, option, tag).
 */
public class FixateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FixateException(String message) {
        super(message);
    }

    public FixateException(String message, Throwable cause) {
        super(message, cause);
    }
}
