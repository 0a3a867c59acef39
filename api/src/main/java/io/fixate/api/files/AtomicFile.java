package io.fixate.api.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file that appears at its target path complete or not at all. Content is written to a hidden temporary file in the
 * target's directory ({@code .<name>.<random>.tmp}, so the final rename never crosses file systems);
 * {@link #commit()} renames it onto the target, replacing any existing file in one step, and {@link #abort()} deletes
 * it. An existing target is never touched until a successful commit.
 *
 * <p>A process killed outright (or a machine that loses power) leaves its temporary file behind. Opening the same
 * target again deletes such leftovers: files named exactly {@code .<name>.<16 hex digits>.tmp} for that target name,
 * never any other file. Two {@code AtomicFile}s for the same target at once are therefore not supported: the later
 * one deletes the earlier one's temporary file, whose commit then fails.
 *
 * <p>Use it in try-with-resources: {@link #close()} without a commit aborts.
 */
public final class AtomicFile implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SUFFIX_BYTES = 8;
    /** A temporary file's name; group 1 is its target's name. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.[0-9a-f]{" + 2 * SUFFIX_BYTES + "}\\.tmp");
    private static final int CREATE_ATTEMPTS = 8;

    private final Path target;
    private final Path temporary;
    private boolean finished;

    private AtomicFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Creates the temporary file for {@code target}, after deleting the temporary files that earlier processes left
     * for it.
     *
     * @throws java.nio.file.NoSuchFileException     if the target's directory does not exist
     * @throws java.nio.file.AccessDeniedException   if that directory is not writable
     * @throws FileSystemException                   if that path is not a directory, or the target is one
     * @throws IOException                           if the temporary file cannot be created
     */
    public static AtomicFile open(Path target) throws IOException {
        Path directory = checkedDirectory(target);
        removeLeftovers(directory, target.getFileName().toString()::equals);
        return create(directory, target);
    }

    /**
     * As {@link #open}, without looking for leftovers: for a writer of many files into one directory that removes
     * their leftovers once ({@link #removeLeftovers}), as listing the directory for every file would take time
     * quadratic in their number.
     */
    public static AtomicFile openSkippingLeftovers(Path target) throws IOException {
        return create(checkedDirectory(target), target);
    }

    private static AtomicFile create(Path directory, Path target) throws IOException {
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

    private static Path checkedDirectory(Path target) throws IOException {
        Path directory = OutputDirectory.parentOf(Objects.requireNonNull(target, "target"));
        OutputDirectory.requireWritable(directory);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "output path is a directory");
        }
        return directory;
    }

    /**
     * Deletes the temporary files in {@code directory} whose target's name {@code targetNames} accepts, as processes
     * killed before their commit or abort leave them.
     */
    public static void removeLeftovers(Path directory, Predicate<String> targetNames) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".*.tmp")) {
            for (Path entry : entries) {
                String target = targetOf(entry.getFileName().toString());
                if (target != null && targetNames.test(target)
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** The name of the target whose temporary file is named {@code fileName}; null if it is no such name. */
    public static String targetOf(String fileName) {
        Matcher name = TEMPORARY.matcher(fileName);
        return name.matches() ? name.group(1) : null;
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[SUFFIX_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes {@code content} so that {@code target} appears complete or not at all; its folder must exist. */
    public static void write(Path target, byte[] content) throws IOException {
        try (AtomicFile file = open(target)) {
            Files.write(file.temporary(), content);
            file.commit();
        }
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
