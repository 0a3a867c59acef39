package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.FixationMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapImageWriterTest {

    @TempDir
    Path dir;

    /** One cell per frame pixel, so the image holds exactly these values. */
    private static final float[] VALUES = {0f, 0.25f, 0.5f, 1f, 0.1f, 0.9f};
    private static final FixationMap MAP = FixationMap.of(3, 2, VALUES, 0, 3, 2);

    private static int[] samples(BufferedImage image) {
        return image.getRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
    }

    @Test
    void eightBitImageHoldsRoundedValues() throws IOException {
        try (MapImageWriter writer = MapImageWriter.open(dir, BitDepth.EIGHT)) {
            writer.write(0, MAP);
        }
        BufferedImage image = ImageIO.read(dir.resolve("map_000000.png").toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        int[] expected = new int[VALUES.length];
        for (int i = 0; i < VALUES.length; i++) {
            expected[i] = Math.round(VALUES[i] * 255);
        }
        assertEquals(List.of(0, 64, 128, 255, 26, 230), toList(expected));
        assertEquals(toList(expected), toList(samples(image)));
    }

    @Test
    void sixteenBitImageHoldsRoundedValues() throws IOException {
        try (MapImageWriter writer = MapImageWriter.open(dir, BitDepth.SIXTEEN)) {
            writer.write(7, MAP);
        }
        BufferedImage image = ImageIO.read(dir.resolve("map_000007.png").toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, image.getType());
        assertEquals(List.of(0, 16384, 32768, 65535, 6554, 58982), toList(samples(image)));
    }

    @Test
    void imageHasTheFrameSizeNotTheGridSize() throws IOException {
        FixationMap coarse = FixationMap.of(2, 2, new float[] {1f, 1f, 1f, 1f}, 0, 40, 30);
        try (MapImageWriter writer = MapImageWriter.open(dir, BitDepth.EIGHT)) {
            writer.write(12, coarse);
            assertEquals(dir.resolve("map_000012.png"), writer.fileFor(12));
        }
        BufferedImage image = ImageIO.read(dir.resolve("map_000012.png").toFile());
        assertEquals(40, image.getWidth());
        assertEquals(30, image.getHeight());
        assertTrue(toList(samples(image)).stream().allMatch(s -> s == 255));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("map_000012.png"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void missingDirectoryIsCreatedWhenItsParentExists() throws IOException {
        Path maps = dir.resolve("maps");
        try (MapImageWriter writer = MapImageWriter.open(maps, BitDepth.EIGHT)) {
            writer.write(0, MAP);
        }
        assertTrue(Files.isRegularFile(maps.resolve("map_000000.png")));
    }

    @Test
    void directoryWithoutParentOrUnderAFileIsRejected() throws IOException {
        assertThrows(NoSuchFileException.class,
                () -> MapImageWriter.open(dir.resolve("missing").resolve("maps"), BitDepth.EIGHT));
        Path file = Files.writeString(dir.resolve("some.txt"), "x");
        assertThrows(FileSystemException.class, () -> MapImageWriter.open(file, BitDepth.EIGHT));
        assertThrows(FileSystemException.class, () -> MapImageWriter.open(file.resolve("maps"), BitDepth.EIGHT));
    }

    private static List<Integer> toList(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
