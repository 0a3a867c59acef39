package io.fixate.api;

/** The requested compute device (for example a GPU) is not available on this machine. */
public class DeviceUnavailableException extends FixateException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }

    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
