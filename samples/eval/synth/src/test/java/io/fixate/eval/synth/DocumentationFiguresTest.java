package io.fixate.eval.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentationFiguresTest {

    @Test
    void writesEveryFigureSmallEnoughForTheRepository(@TempDir Path temp) throws IOException {
        Path directory = temp.resolve("images");
        List<Path> written = DocumentationFigures.write(directory);
        assertEquals(List.of(directory.resolve("contact-sheet.png"), directory.resolve("granularity-sheet.png"),
                directory.resolve("spectrograms.png")), written);
        for (Path file : written) {
            assertTrue(Files.size(file) < 300_000, file + " is " + Files.size(file) + " bytes");
            BufferedImage image = ImageIO.read(file.toFile());
            // the granularity sheet has three rows of 160x120 frames, under 600 pixels high
            assertTrue(image.getWidth() >= 600 && image.getHeight() >= 500, file + " is too small to read");
        }
    }
}
