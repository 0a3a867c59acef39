package io.fixate.codec.output;

import io.fixate.api.FixationMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One video's folder of map images ({@code map_000000.png}, ..., see {@link MapImageWriter}) that appears whole or not
 * at all: the maps are written into the hidden sibling {@code .<name>.partial}, which {@link #commit()} puts in place
 * of the target. An existing target is first renamed aside to {@code .<name>.replaced} and deleted only once the new
 * folder is in place, so the target is never a mix of old and new maps.
 *
 * <p>A process killed outright leaves its {@code .partial} folder behind, or, killed inside a commit, the
 * {@code .replaced} one. Opening the same target deletes both, except that a {@code .replaced} folder without a
 * target (killed between the two renames) is first put back as the target. Two folders for the same target at once
 * are not supported. Since the target is replaced as a whole, an existing target must hold nothing but map images
 * (and the temporary files of killed writers of them): a folder with other files is refused rather than deleted.
 *
 * <p>{@link #close()} without a commit aborts. Not thread-safe.
 */
public final class StagedMapFolder implements StagedOutput, AutoCloseable {

    private static final String STAGING = ".partial";
    private static final String REPLACED = ".replaced";

    private final Path target;
    private final Path staging;
    private final Path replaced;
    private final MapImageWriter writer;
    private int written;
    private boolean done;

    private StagedMapFolder(Path target, MapImageWriter writer) {
        this.target = target;
        this.staging = sibling(target, STAGING);
        this.replaced = sibling(target, REPLACED);
        this.writer = writer;
    }

    /**
     * Starts the maps of {@code target}; an existing target is kept as it was until the commit.
     *
     * @throws java.nio.file.NoSuchFileException if the target's parent directory does not exist
     * @throws FileSystemException               if that parent is not a writable directory, or the target exists and
     *                                           is a file or holds anything but map images
     */
    public static StagedMapFolder open(Path target, BitDepth depth) throws IOException {
        Objects.requireNonNull(depth, "depth");
        Path folder = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        OutputDirectory.requireWritable(OutputDirectory.parentOf(folder));
        requireOnlyMaps(folder);
        putBackReplaced(folder);
        deleteTree(sibling(folder, REPLACED));
        Path staging = sibling(folder, STAGING);
        deleteTree(staging);
        Files.createDirectory(staging);
        return new StagedMapFolder(folder, MapImageWriter.open(staging, depth));
    }

    private static void requireOnlyMaps(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new FileSystemException(folder.toString(), null, "output path for maps is not a directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String leftoverOf = AtomicFile.targetOf(name);
                if (!MapImageWriter.isMapImage(leftoverOf == null ? name : leftoverOf)) {
                    throw new FileSystemException(folder.toString(), null, "the maps folder holds " + name
                            + ", not a map image; the whole folder is replaced, so name a new or empty one");
                }
            }
        }
    }

    /** The target, as an absolute path. */
    public Path target() {
        return target;
    }

    /**
     * Writes the map of the next frame, counting from 0.
     *
     * @throws IllegalStateException if the folder is finished, committed or aborted
     * @throws IOException           naming the file if it cannot be written
     */
    public void write(FixationMap map) throws IOException {
        writer.write(written, map);
        written++;
    }

    /** How many maps were written. */
    public int written() {
        return written;
    }

    /** Ends the writing; the maps are already complete files in the staging folder. */
    @Override
    public void finish() {
        writer.close();
    }

    /**
     * Puts the maps in place under the target's name; see the class description for the renames.
     *
     * @throws IOException if a rename fails: the maps written are then deleted and an existing target is left (or put
     *                     back) as it was; or if the earlier maps cannot be deleted once the new ones are in place
     */
    @Override
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("maps for " + target + " were already committed or aborted");
        }
        finish();
        done = true;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            String problem = "cannot move finished maps onto " + target + ": " + e.getMessage();
            IOException failure = new IOException(problem, e);
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

    /** Deletes the maps written so far, leaving the target as it was; does nothing after a commit or an abort. */
    @Override
    public void abort() throws IOException {
        if (!done) {
            done = true;
            writer.close();
            deleteTree(staging);
        }
    }

    /** Aborts unless {@link #commit()} has been called. */
    @Override
    public void close() throws IOException {
        abort();
    }

    /** Renames the earlier maps back to the target if a commit was stopped between its two renames. */
    private static void putBackReplaced(Path target) throws IOException {
        Path replaced = sibling(target, REPLACED);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.exists(replaced, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }

    /** Deletes {@code root} and everything under it; nothing happens if it does not exist. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(root)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.delete(path);
        }
    }
}
