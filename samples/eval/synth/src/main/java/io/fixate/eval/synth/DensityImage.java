package io.fixate.eval.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A density map as a 16-bit grey PNG, scaled so that its maximum is 65535. */
final class DensityImage {

    static final int MAX_SAMPLE = 65_535;

    private DensityImage() {
    }

    /** The 16-bit samples of {@code density}, row-major: {@code round(value / max × 65535)}. */
    static int[] samples(double[] density) {
        double max = 0;
        for (double value : density) {
            max = Math.max(max, value);
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException("a density map needs a positive maximum, got " + max);
        }
        int[] samples = new int[density.length];
        for (int i = 0; i < density.length; i++) {
            samples[i] = (int) Math.round(density[i] / max * MAX_SAMPLE);
        }
        return samples;
    }

    /** Writes {@code density} of a {@code width} × {@code height} frame to {@code file}. */
    static void write(Path file, double[] density, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, samples(density));
        boolean written;
        try {
            written = ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write density image " + file + ": " + e.getMessage(), e);
        }
        if (!written) {
            throw new IOException("cannot write density image " + file + ": no PNG writer is available");
        }
    }
}
