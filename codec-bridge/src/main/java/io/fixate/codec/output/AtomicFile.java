package io.fixate.codec.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file that appears at its target path complete or not at all. Content is written to a hidden temporary file in the
 * target's directory ({@code .<name>.<random>.tmp}, so the final rename never crosses file systems);
 * {@link #commit()} renames it onto the target, replacing any existing file in one step, and {@link #abort()} deletes
 * it. An existing target is never touched until a successful commit.
 *
 * <p>Use it in try-with-resources: {@link #close()} without a commit aborts.
 */
public final class AtomicFile implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CREATE_ATTEMPTS = 8;

    private final Path target;
    private final Path temporary;
    private boolean finished;

    private AtomicFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Creates the temporary file for {@code target}.
     *
     * @throws java.nio.file.NoSuchFileException     if the target's directory does not exist
     * @throws java.nio.file.AccessDeniedException   if that directory is not writable
     * @throws FileSystemException                   if that path is not a directory, or the target is one
     * @throws IOException                           if the temporary file cannot be created
     */
    public static AtomicFile open(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path directory = OutputDirectory.parentOf(target);
        OutputDirectory.requireWritable(directory);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "output path is a directory");
        }
        String name = target.getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            Path candidate = directory.resolve("." + name + "." + randomSuffix() + ".tmp");
            try {
                return new AtomicFile(target, Files.createFile(candidate));
            } catch (FileAlreadyExistsException e) {
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The path to write the content to. */
    public Path temporary() {
        return temporary;
    }

    /** The path the content appears at after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /**
     * Moves the temporary file onto the target, atomically where the file system supports it and otherwise by a
     * plain replacing move.
     *
     * @throws IllegalStateException if already committed or aborted
     * @throws IOException           if the move fails; the temporary file is then deleted
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("temporary file for " + target + " was already committed or aborted");
        }
        finished = true;
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot move finished output onto " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file, leaving the target as it was; does nothing after a commit or an abort. */
    public void abort() throws IOException {
        if (!finished) {
            finished = true;
            Files.deleteIfExists(temporary);
        }
    }

    /** Aborts unless {@link #commit()} has been called. */
    @Override
    public void close() throws IOException {
        abort();
    }
}
