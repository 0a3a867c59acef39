package io.fixate.cli;

import io.fixate.api.FixationMap;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.MapImageWriter;
import io.fixate.spi.ProviderFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One video's folder of map images ({@code map_000000.png}, ...) that appears whole or not at all: the maps are
 * written into the hidden sibling {@code .<name>.partial} and renamed to the target on {@link #commit()}; closing
 * without it deletes them. A run killed outright leaves its {@code .partial} folder behind, and the next run for the
 * same video deletes it before starting. Two runs must not write the same video at once.
 */
final class StagedMapFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final MapImageWriter writer;
    private int written;
    private boolean committed;

    private StagedMapFolder(Path target, Path staging, MapImageWriter writer) {
        this.target = target;
        this.staging = staging;
        this.writer = writer;
    }

    /** Starts the maps of {@code target}, whose parent must exist; an existing target is kept until the commit. */
    static StagedMapFolder open(Path target, BitDepth depth) throws IOException {
        Path staging = sibling(target, ".partial");
        ProviderFiles.deleteTree(staging);
        return new StagedMapFolder(target, staging, MapImageWriter.open(staging, depth));
    }

    /** Writes the map of the next frame, counting from 0. */
    void write(FixationMap map) {
        try {
            writer.write(written++, map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many maps were written. */
    int written() {
        return written;
    }

    /**
     * Puts the maps in place under the target's name. An existing target is first renamed aside and deleted once
     * the new folder is in place, so the target is never a mix of old and new maps.
     */
    void commit() throws IOException {
        writer.close();
        if (Files.exists(target)) {
            Path replaced = sibling(target, ".replaced");
            ProviderFiles.deleteTree(replaced);
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            ProviderFiles.deleteTree(replaced);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    /** Without a prior {@link #commit()}, deletes the maps written so far. */
    @Override
    public void close() throws IOException {
        writer.close();
        if (!committed) {
            ProviderFiles.deleteTree(staging);
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }
}
