package io.fixate.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.Supplier;

/**
 * An input file or folder (a video, a dataset, its ground truth) is missing or cannot be read. Bad input, like a
 * corrupt file, as opposed to an output that cannot be written, which stays an {@link java.io.UncheckedIOException}.
 */
public class UnreadableInputException extends FixateException {
    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs {@code open}, which reads an input, reporting a missing or unreadable file as this exception rather than
     * as the {@link java.io.UncheckedIOException} that would mean a failed output.
     */
    public static <T> T whileReading(Supplier<T> open) {
        try {
            return open.get();
        } catch (UncheckedIOException e) {
            throw of(e.getCause());
        }
    }

    /** The exception for {@code cause}, met while reading an input, with a message naming the file. */
    public static UnreadableInputException of(IOException cause) {
        if (cause instanceof NoSuchFileException missing) {
            return new UnreadableInputException(missing.getReason() != null
                    ? missing.getFile() + ": " + missing.getReason()
                    : "no such file or directory: " + missing.getFile(), cause);
        }
        if (cause instanceof AccessDeniedException denied) {
            return new UnreadableInputException("cannot read " + denied.getFile() + ": permission denied", cause);
        }
        return new UnreadableInputException("cannot read input: " + cause.getMessage(), cause);
    }
}
