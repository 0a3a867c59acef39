package io.fixate.api;

/** The media is readable but not usable: no video stream, an unsupported codec or pixel layout, audio in a format a model cannot take. */
public class UnsupportedMediaException extends FixateException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaException(String message) {
        super(message);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
