package io.fixate.eval.synth;


import io.fixate.api.files.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the figures of {@code docs/synthetic-benchmark.md} from the generator's own scene model, so they show exactly
 * what the generator writes: {@value #CONTACT_SHEET} (example frames of each variant beside their ground-truth
 * density and simulated fixations), {@value #GRANULARITY_SHEET} (the same for the granularity benchmark's context
 * scenes) and {@value #SPECTROGRAMS} (the sound of every built-in category and of both kinds of irrelevant audio).
 * Run {@code fixate synth --figures docs/images} to regenerate them.
 */
public final class DocumentationFigures {

    public static final String CONTACT_SHEET = "contact-sheet.png";
    public static final String GRANULARITY_SHEET = "granularity-sheet.png";
    public static final String SPECTROGRAMS = "spectrograms.png";

    private DocumentationFigures() {
    }

    /**
     * Writes the figures into {@code directory}, creating it if needed, each file atomically.
     *
     * @return the files written
     * @throws IOException naming the file that could not be written
     */
    public static List<Path> write(Path directory) throws IOException {
        BenchmarkDirectory.createDirectories(directory);
        Path sheet = directory.resolve(CONTACT_SHEET);
        Path granularity = directory.resolve(GRANULARITY_SHEET);
        Path spectrograms = directory.resolve(SPECTROGRAMS);
        save(ContactSheet.draw(), sheet);
        save(ContactSheet.drawGranularity(), granularity);
        save(SpectrogramSheet.draw(), spectrograms);
        return List.of(sheet, granularity, spectrograms);
    }

    /** Writes {@code image} as a PNG at the strongest compression, so the figures stay small in the repository. */
    private static void save(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam smallest = writer.getDefaultWriteParam();
        smallest.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        smallest.setCompressionQuality(0);
        try (AtomicFile atomic = AtomicFile.open(file)) {
            try (ImageOutputStream out = ImageIO.createImageOutputStream(atomic.temporary().toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), smallest);
            } finally {
                writer.dispose();
            }
            atomic.commit();
        } catch (IOException e) {
            throw new IOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }
}
