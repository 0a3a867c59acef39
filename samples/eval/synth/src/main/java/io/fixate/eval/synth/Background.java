package io.fixate.eval.synth;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * The still backdrop of a clip, never flat: a gradient between two muted colours, luminance blotches at two scales,
 * a few soft coloured patches, and fine grain. The patches and blotches give a contrast detector places to look other
 * than the objects.
 */
final class Background {

    private static final int PATCHES = 4;
    private static final double PATCH_OPACITY = 0.45;
    private static final double COARSE_BLOTCH_LEVELS = 22;
    private static final double FINE_BLOTCH_LEVELS = 10;
    private static final int GRAIN_LEVELS = 2;

    private Background() {
    }

    /** The backdrop as floating-point RGB in 0..255, row-major. */
    static float[] render(int width, int height, SplittableRandom random) {
        float[] rgb = gradient(width, height, random);
        double[] coarse = valueNoise(width, height, 4, random);
        double[] fine = valueNoise(width, height, 11, random);
        for (int i = 0; i < width * height; i++) {
            double shift = COARSE_BLOTCH_LEVELS * coarse[i] + FINE_BLOTCH_LEVELS * fine[i];
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] += (float) shift;
            }
        }
        for (int p = 0; p < PATCHES; p++) {
            addPatch(rgb, width, height, random);
        }
        for (int i = 0; i < width * height; i++) {
            int grain = random.nextInt(-GRAIN_LEVELS, GRAIN_LEVELS + 1);
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = Math.max(0, Math.min(255, rgb[3 * i + c] + grain));
            }
        }
        return rgb;
    }

    private static float[] gradient(int width, int height, SplittableRandom random) {
        Rgb from = muted(random, 0.10, 0.35, 0.35, 0.70);
        Rgb to = muted(random, 0.10, 0.35, 0.35, 0.70);
        double angle = random.nextDouble(2 * Math.PI);
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double halfSpan = (Math.abs(dx) * width + Math.abs(dy) * height) / 2;
        float[] rgb = new float[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = 0.5 + ((x - width / 2.0) * dx + (y - height / 2.0) * dy) / (2 * halfSpan);
                for (int c = 0; c < 3; c++) {
                    rgb[3 * (y * width + x) + c] = (float) (from.channel(c) + t * (to.channel(c) - from.channel(c)));
                }
            }
        }
        return rgb;
    }

    /** A soft-edged ellipse of a moderately saturated colour, blended in at {@link #PATCH_OPACITY}. */
    private static void addPatch(float[] rgb, int width, int height, SplittableRandom random) {
        Rgb colour = muted(random, 0.30, 0.60, 0.40, 0.80);
        double cx = random.nextDouble(width);
        double cy = random.nextDouble(height);
        int side = Math.min(width, height);
        double rx = random.nextDouble(0.08, 0.20) * side;
        double ry = random.nextDouble(0.08, 0.20) * side;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5 - cx) / rx;
                double v = (y + 0.5 - cy) / ry;
                double distance = Math.sqrt(u * u + v * v);
                double weight = PATCH_OPACITY * (1 - smoothStep(0.7, 1.0, distance));
                if (weight > 0) {
                    int i = 3 * (y * width + x);
                    for (int c = 0; c < 3; c++) {
                        rgb[i + c] += (float) (weight * (colour.channel(c) - rgb[i + c]));
                    }
                }
            }
        }
    }

    private static Rgb muted(SplittableRandom random, double minSaturation, double maxSaturation,
                             double minBrightness, double maxBrightness) {
        int packed = Color.HSBtoRGB((float) random.nextDouble(),
                (float) random.nextDouble(minSaturation, maxSaturation),
                (float) random.nextDouble(minBrightness, maxBrightness));
        return new Rgb((packed >> 16) & 0xFF, (packed >> 8) & 0xFF, packed & 0xFF);
    }

    /**
     * Smoothly interpolated random values in [-1, 1] on a lattice of {@code cells} cells across the larger side.
     */
    private static double[] valueNoise(int width, int height, int cells, SplittableRandom random) {
        double cellSize = (double) Math.max(width, height) / cells;
        int columns = (int) Math.ceil(width / cellSize) + 2;
        int rows = (int) Math.ceil(height / cellSize) + 2;
        double[] lattice = new double[columns * rows];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = random.nextDouble(-1, 1);
        }
        double[] noise = new double[width * height];
        for (int y = 0; y < height; y++) {
            double gy = y / cellSize;
            int y0 = (int) gy;
            double fy = smoothStep(0, 1, gy - y0);
            for (int x = 0; x < width; x++) {
                double gx = x / cellSize;
                int x0 = (int) gx;
                double fx = smoothStep(0, 1, gx - x0);
                double top = lattice[y0 * columns + x0] * (1 - fx) + lattice[y0 * columns + x0 + 1] * fx;
                double bottom = lattice[(y0 + 1) * columns + x0] * (1 - fx) + lattice[(y0 + 1) * columns + x0 + 1] * fx;
                noise[y * width + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return noise;
    }

    private static double smoothStep(double edge0, double edge1, double value) {
        double t = Math.max(0, Math.min(1, (value - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }
}
