package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;
import io.fixate.eval.metrics.Grid;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** Frame pictures and map images read with ImageIO, with typed errors naming the file. */
final class ImageFiles {

    /** ITU-R BT.601 luma weights, what PIL's {@code convert('L')} uses for the STAViS maps. */
    private static final double[] LUMA = {0.299, 0.587, 0.114};

    private ImageFiles() {
    }

    /**
     * The picture in {@code file}.
     *
     * @throws UncheckedIOException  if the file is missing or unreadable
     * @throws CorruptMediaException if it is not an image ImageIO can decode
     */
    static BufferedImage read(Path file) {
        requireReadable(file);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CorruptMediaException(file + " is a damaged image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new CorruptMediaException(file + " is not an image format ImageIO reads");
        }
        return image;
    }

    /** The width and height an image file declares, read from its header without decoding the pixels. */
    static Dimension size(Path file) {
        requireReadable(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CorruptMediaException(file + " is not an image format ImageIO reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new CorruptMediaException(file + " is a damaged image: " + e.getMessage(), e);
        }
    }

    private static void requireReadable(Path file) {
        DatasetFiles.requireFile(file);
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(new AccessDeniedException(file.toString(), null, "not readable"));
        }
    }

    /**
     * A grey map image as values in [0, 1]: one-channel images by their stored range (8-bit / 255, 16-bit / 65535,
     * as MATLAB's {@code im2double}), colour or palette images by their BT.601 luma / 255.
     */
    static Grid greyGrid(Path file) {
        BufferedImage image = read(file);
        int width = image.getWidth();
        int height = image.getHeight();
        double[] values = new double[width * height];
        Raster raster = image.getRaster();
        if (raster.getNumBands() == 1 && !(image.getColorModel() instanceof IndexColorModel)) {
            double max = (1L << raster.getSampleModel().getSampleSize(0)) - 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    values[y * width + x] = raster.getSample(x, y, 0) / max;
                }
            }
        } else {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    double luma = LUMA[0] * (rgb >> 16 & 0xFF) + LUMA[1] * (rgb >> 8 & 0xFF) + LUMA[2] * (rgb & 0xFF);
                    values[y * width + x] = luma / 255;
                }
            }
        }
        return Grid.of(height, width, values);
    }
}
