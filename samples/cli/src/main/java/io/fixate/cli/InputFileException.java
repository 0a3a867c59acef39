package io.fixate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.Supplier;

/** An input (video, dataset, saved maps) cannot be opened at the file-system level; kept apart from output errors. */
final class InputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private InputFileException(IOException cause) {
        super(describe(cause), cause);
    }

    /** Runs {@code open}, reporting a missing or unreadable input as such rather than as a failed output. */
    static <T> T opening(Supplier<T> open) {
        try {
            return open.get();
        } catch (UncheckedIOException e) {
            throw new InputFileException(e.getCause());
        }
    }

    private static String describe(IOException cause) {
        if (cause instanceof NoSuchFileException missing) {
            return missing.getReason() != null ? missing.getFile() + ": " + missing.getReason()
                    : "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "cannot read " + denied.getFile() + ": permission denied";
        }
        return "cannot read input: " + cause.getMessage();
    }
}
