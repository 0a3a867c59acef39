package io.fixate.api.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks that give a clear error naming the directory before anything is written into it. */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /**
     * @throws NoSuchFileException if {@code directory} does not exist
     * @throws FileSystemException if it exists but is not a directory or cannot be written
     */
    public static void requireWritable(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "output directory does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new FileSystemException(directory.toString(), null, "output directory is not a directory");
        }
        if (!Files.isWritable(directory)) {
            throw new AccessDeniedException(directory.toString(), null,
                    "output directory is not writable");
        }
    }

    /** The directory a file {@code target} will be created in. */
    public static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("output path " + target + " has no parent directory");
        }
        return parent;
    }
}
