package io.fixate.api;

/** The media cannot be read: empty, not a media file at all, or damaged beyond decoding. */
public class CorruptMediaException extends FixateException {
    private static final long serialVersionUID = 1L;

    public CorruptMediaException(String message) {
        super(message);
    }

    public CorruptMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
