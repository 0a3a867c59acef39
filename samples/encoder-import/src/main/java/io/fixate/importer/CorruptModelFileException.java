package io.fixate.importer;

/** The file is not a TensorFlow Lite FlatBuffer, or it is truncated or damaged. */
public final class CorruptModelFileException extends EncoderImportException {

    private static final long serialVersionUID = 1L;

    public CorruptModelFileException(String message) {
        super(message);
    }
}
