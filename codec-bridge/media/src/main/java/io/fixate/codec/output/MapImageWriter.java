package io.fixate.codec.output;

import io.fixate.api.FixationMap;
import io.fixate.api.files.AtomicFile;
import io.fixate.api.files.OutputDirectory;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Writes each frame's fixation map as a grayscale PNG, {@code map_000000.png}, {@code map_000001.png}, ... (the
 * 0-based frame index, six digits), at the size of the frame the map describes. White is most attention. Each file
 * appears complete or not at all ({@link AtomicFile}); for a folder that appears whole or not at all, see
 * {@link StagedMapFolder}.
 */
public final class MapImageWriter implements AutoCloseable {

    private static final Pattern FILE_NAME = Pattern.compile("map_\\d{6,}\\.png");

    private final Path directory;
    private final BitDepth depth;
    private boolean closed;

    private MapImageWriter(Path directory, BitDepth depth) {
        this.directory = directory;
        this.depth = depth;
    }

    /**
     * Prepares to write into {@code directory}, creating it if it is missing but its parent exists, and deletes the
     * temporary files of map images that killed processes left in it.
     *
     * @throws java.nio.file.NoSuchFileException     if neither the directory nor its parent exists
     * @throws java.nio.file.FileSystemException     if the path or its parent is not a writable directory
     */
    public static MapImageWriter open(Path directory, BitDepth depth) throws IOException {
        Objects.requireNonNull(depth, "depth");
        if (!Files.isDirectory(Objects.requireNonNull(directory, "directory"))) {
            OutputDirectory.requireWritable(OutputDirectory.parentOf(directory));
            Files.createDirectory(directory);
        }
        OutputDirectory.requireWritable(directory);
        AtomicFile.removeLeftovers(directory, MapImageWriter::isMapImage);
        return new MapImageWriter(directory, depth);
    }

    /** Whether {@code fileName} names a map image, as {@link #fileFor} makes them. */
    static boolean isMapImage(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    /** The file the map of frame {@code frameIndex} is written to. */
    public Path fileFor(int frameIndex) {
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frame index must not be negative, got " + frameIndex);
        }
        return directory.resolve(String.format("map_%06d.png", frameIndex));
    }

    /**
     * Writes the map of frame {@code frameIndex}, replacing an earlier file for that frame.
     *
     * @throws IOException naming the file if it cannot be written
     */
    public void write(int frameIndex, FixationMap map) throws IOException {
        if (closed) {
            throw new IllegalStateException("map image writer for " + directory + " is closed");
        }
        Path target = fileFor(frameIndex);
        BufferedImage image = toImage(map);
        try (AtomicFile file = AtomicFile.openSkippingLeftovers(target)) {
            try (OutputStream out = Files.newOutputStream(file.temporary())) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer is available");
                }
            }
            file.commit();
        } catch (IOException e) {
            throw new IOException("cannot write map image " + target + ": " + e.getMessage(), e);
        }
    }

    private BufferedImage toImage(FixationMap map) {
        int width = map.frameWidth();
        int height = map.frameHeight();
        FloatBuffer values = map.resized(width, height).values();
        int[] samples = new int[width * height];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.round(values.get(i) * depth.maxSample());
        }
        BufferedImage image = new BufferedImage(width, height, depth.imageType());
        WritableRaster raster = image.getRaster();
        raster.setSamples(0, 0, width, height, 0, samples);
        return image;
    }

    /** Marks the writer closed; every file is already complete when {@link #write} returns. */
    @Override
    public void close() {
        closed = true;
    }
}
