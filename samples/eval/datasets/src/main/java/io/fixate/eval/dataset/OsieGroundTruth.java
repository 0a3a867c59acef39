package io.fixate.eval.dataset;

import io.fixate.eval.metrics.Grid;
import io.fixate.eval.metrics.GaussianBlur;

import java.awt.Dimension;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The ground truth of one OSIE image, made from its recorded fixations at the image's own size (800x600 in OSIE),
 * following the field's conventions: the fixation map is 1 at each fixated pixel, all viewers pooled; the density is
 * that map blurred by a Gaussian of σ = {@value #DENSITY_SIGMA} px (about one degree of visual angle in OSIE's set-up)
 * and scaled to a maximum of 1.
 *
 * <p>A recorded position (x, y), 1-based as MATLAB writes it, falls on the 0-based pixel
 * (round(x) − 1, round(y) − 1). A fixation whose pixel lies outside the image is dropped, not clamped: it landed off
 * the picture, and clamping would pile such looks onto the border pixels, which no viewer fixated. OSIE's own
 * fixations all lie inside. The map and density are made on first use and kept while memory allows (a soft
 * reference): every source scored on the image asks for them, but the two grids of all 700 images would take 5 GB,
 * which a trainer that reads each once must not be made to hold.
 */
final class OsieGroundTruth implements VideoGroundTruth {

    /** The density's blur in pixels of the 800x600 image: about one degree of visual angle. */
    static final double DENSITY_SIGMA = 24;

    private final Path picture;
    private final double[] points;
    private SoftReference<GroundTruth> kept = new SoftReference<>(null);

    /** @param points the recorded positions, 1-based, as x0, y0, x1, y1 ... */
    OsieGroundTruth(Path picture, double[] points) {
        this.picture = picture;
        this.points = points;
    }

    @Override
    public int frameCount() {
        return 1;
    }

    @Override
    public GroundTruth frame(int index) {
        Objects.checkIndex(index, 1);
        GroundTruth frame = kept.get();
        if (frame == null) {
            Dimension size = ImageFiles.size(picture);
            Grid fixations = fixationMap(points, size.width, size.height);
            frame = new GroundTruth(0, 0, density(fixations), fixations);
            kept = new SoftReference<>(frame);
        }
        return frame;
    }

    /** The 0-based pixels of {@code points} inside a {@code width} x {@code height} image, set to 1. */
    static Grid fixationMap(double[] points, int width, int height) {
        double[] map = new double[width * height];
        for (int p = 0; p < points.length; p += 2) {
            long x = Math.round(points[p]) - 1;
            long y = Math.round(points[p + 1]) - 1;
            if (x >= 0 && x < width && y >= 0 && y < height) {
                map[(int) y * width + (int) x] = 1;
            }
        }
        return Grid.of(height, width, map);
    }

    private static Grid density(Grid fixations) {
        double[] blurred = GaussianBlur.apply(fixations, DENSITY_SIGMA).toArray();
        double max = 0;
        for (double value : blurred) {
            max = Math.max(max, value);
        }
        if (max > 0) {
            for (int i = 0; i < blurred.length; i++) {
                blurred[i] /= max;
            }
        }
        return Grid.of(fixations.height(), fixations.width(), blurred);
    }
}
