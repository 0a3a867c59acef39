package io.fixate.cli;

import java.io.IOException;

/** The input video cannot be opened at the file-system level (missing, unreadable); kept apart from output errors. */
final class InputFileException extends RuntimeException {
    InputFileException(IOException cause) {
        super(cause.getMessage() == null ? cause.toString() : describe(cause), cause);
    }

    private static String describe(IOException cause) {
        String kind = switch (cause.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "input file does not exist: ";
            case "AccessDeniedException" -> "input file cannot be read (permission denied): ";
            default -> "cannot read input: ";
        };
        return kind + cause.getMessage();
    }
}
