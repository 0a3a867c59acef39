package io.fixate.importer;

/** The file is a readable TensorFlow Lite model, but not one of the networks the SDK has an encoder for. */
public final class UnknownNetworkException extends EncoderImportException {

    private static final long serialVersionUID = 1L;

    public UnknownNetworkException(String message) {
        super(message);
    }
}
