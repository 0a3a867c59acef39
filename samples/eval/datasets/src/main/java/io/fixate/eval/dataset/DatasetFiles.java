package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** File checks and text reading with the errors the readers promise, each naming the file. */
final class DatasetFiles {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DatasetFiles() {
    }

    /** @throws UncheckedIOException wrapping {@link NoSuchFileException} if {@code file} is not a regular file */
    static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw missing(file, "file");
        }
        return file;
    }

    /** @throws UncheckedIOException wrapping {@link NoSuchFileException} if {@code folder} is not a directory */
    static Path requireDirectory(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw missing(folder, "folder");
        }
        return folder;
    }

    private static UncheckedIOException missing(Path path, String what) {
        return new UncheckedIOException(path + ": " + what + " not found", new NoSuchFileException(path.toString()));
    }

    /**
     * The lines of a UTF-8 text file, without a leading byte-order mark.
     *
     * @throws UncheckedIOException  if the file is missing or unreadable
     * @throws CorruptMediaException if it is not UTF-8 text
     */
    static List<String> readLines(Path file) {
        requireFile(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new CorruptMediaException(file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!lines.isEmpty() && !lines.get(0).isEmpty() && lines.get(0).charAt(0) == BYTE_ORDER_MARK) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }
}
