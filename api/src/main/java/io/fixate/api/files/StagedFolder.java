package io.fixate.api.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A folder that appears at its target whole or not at all, the folder counterpart of {@link AtomicFile}: its content
 * is written into the hidden sibling {@code .<name>.partial} ({@link #staging()}), which {@link #commit()} puts in
 * place of the target. An existing target is first renamed aside to {@code .<name>.replaced} and deleted only once
 * the new folder is in place, so the target is never a mix of old and new content.
 *
 * <p>A process killed outright leaves its {@code .partial} folder behind, or, killed inside a commit, the
 * {@code .replaced} one. Opening the same target deletes both, except that a {@code .replaced} folder without a
 * target (killed between the two renames) is first put back as the target. Two staged folders for the same target at
 * once are not supported. {@link #close()} without a commit aborts. Not thread-safe.
 */
public final class StagedFolder implements AutoCloseable {

    /** What the hidden folder being written ends with. */
    public static final String STAGING_SUFFIX = ".partial";
    /** What the hidden folder of the replaced content ends with, while a commit runs. */
    public static final String REPLACED_SUFFIX = ".replaced";

    private final Path target;
    private final Path staging;
    private final Path replaced;
    private boolean done;

    private StagedFolder(Path target) {
        this.target = target;
        this.staging = sibling(target, STAGING_SUFFIX);
        this.replaced = sibling(target, REPLACED_SUFFIX);
    }

    /**
     * Starts a folder for {@code target}, whose parent must exist; an existing target is kept as it was until the
     * commit, and what earlier killed writers of the same target left is cleaned up first.
     *
     * @throws java.nio.file.NoSuchFileException     if the target's parent directory does not exist
     * @throws java.nio.file.FileSystemException     if that parent is not a writable directory
     */
    public static StagedFolder open(Path target) throws IOException {
        Path folder = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        OutputDirectory.requireWritable(OutputDirectory.parentOf(folder));
        putBackReplaced(folder);
        deleteTree(sibling(folder, REPLACED_SUFFIX));
        Path staging = sibling(folder, STAGING_SUFFIX);
        deleteTree(staging);
        Files.createDirectory(staging);
        return new StagedFolder(folder);
    }

    /** The target, as an absolute path. */
    public Path target() {
        return target;
    }

    /** The hidden folder to write the content into. */
    public Path staging() {
        return staging;
    }

    /**
     * Puts the content in place under the target's name; see the class description for the renames.
     *
     * @throws IllegalStateException if already committed or aborted
     * @throws IOException           if a rename fails: the content is then deleted and an existing target is left (or
     *                               put back) as it was; or if the earlier content cannot be deleted once the new
     *                               one is in place
     */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("folder for " + target + " was already committed or aborted");
        }
        done = true;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            IOException failure = new IOException("cannot move the finished folder onto " + target + ": "
                    + e.getMessage(), e);
            try {
                putBackReplaced(target);
                deleteTree(staging);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        deleteTree(replaced);
    }

    /** Deletes what was written, leaving the target as it was; does nothing after a commit or an abort. */
    public void abort() throws IOException {
        if (!done) {
            done = true;
            deleteTree(staging);
        }
    }

    /** Aborts unless {@link #commit()} has been called. */
    @Override
    public void close() throws IOException {
        abort();
    }

    /** Renames the earlier content back to the target if a commit was stopped between its two renames. */
    private static void putBackReplaced(Path target) throws IOException {
        Path replaced = sibling(target, REPLACED_SUFFIX);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.exists(replaced, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }

    /** Deletes {@code root} and everything under it, links not followed; nothing happens if it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(root)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path path : deepestFirst) {
            Files.delete(path);
        }
    }
}
