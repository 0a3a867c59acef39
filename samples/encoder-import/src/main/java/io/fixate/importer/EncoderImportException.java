package io.fixate.importer;

/**
 * A network file cannot be imported: unreadable, damaged, or not a network the SDK knows. The message is one line
 * naming the file; the CLI reports it as a bad input.
 */
public class EncoderImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EncoderImportException(String message) {
        super(message);
    }

    public EncoderImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
