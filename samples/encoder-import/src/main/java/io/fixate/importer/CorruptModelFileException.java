package io.fixate.importer;

/** The file is not a TensorFlow Lite FlatBuffer, or it is truncated or damaged. */
public final class CorruptModelFileException extends EncoderImportException {

    public CorruptModelFileException(String message) {
        super(message);
    }
}
