package io.fixate.codec.output;

import io.fixate.api.FixationMap;
import io.fixate.api.files.AtomicFile;
import io.fixate.api.files.StagedFolder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One video's folder of map images ({@code map_000000.png}, ..., see {@link MapImageWriter}) that appears whole or not
 * at all: a {@link StagedFolder}, whose renames and clean-up of killed runs it follows. Since the target is replaced
 * as a whole, an existing target must hold nothing but map images (and the temporary files of killed writers of
 * them): a folder with other files is refused rather than deleted.
 *
 * <p>{@link #close()} without a commit aborts. Not thread-safe.
 */
public final class StagedMapFolder implements StagedOutput, AutoCloseable {

    private final StagedFolder folder;
    private final MapImageWriter writer;
    private int written;

    private StagedMapFolder(StagedFolder folder, MapImageWriter writer) {
        this.folder = folder;
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
        requireOnlyMaps(Objects.requireNonNull(target, "target").toAbsolutePath().normalize());
        StagedFolder folder = StagedFolder.open(target);
        return new StagedMapFolder(folder, MapImageWriter.open(folder.staging(), depth));
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
        return folder.target();
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
     * Puts the maps in place under the target's name; see {@link StagedFolder#commit()}.
     *
     * @throws IllegalStateException if already committed or aborted
     * @throws IOException           if a rename fails, the maps written then being deleted and an existing target
     *                               left as it was
     */
    @Override
    public void commit() throws IOException {
        finish();
        folder.commit();
    }

    /** Deletes the maps written so far, leaving the target as it was; does nothing after a commit or an abort. */
    @Override
    public void abort() throws IOException {
        writer.close();
        folder.abort();
    }

    /** Aborts unless {@link #commit()} has been called. */
    @Override
    public void close() throws IOException {
        abort();
    }
}
