package io.fixate.spi.djl;

import java.util.SplittableRandom;

/**
 * The reference's colour jitter (torchvision {@code ColorJitter(0.3, 0.3, 0.3, 0.1)}) on RGB planes in [0, 1]: the
 * four operations in a random order, each with a factor drawn uniformly, each result clamped to [0, 1].
 * <ul>
 * <li>brightness b ∈ [0.7, 1.3]: v·b;</li>
 * <li>contrast c ∈ [0.7, 1.3]: blend with the mean grey level m of the whole image, c·v + (1 − c)·m;</li>
 * <li>saturation s ∈ [0.7, 1.3]: blend with each pixel's grey level g, s·v + (1 − s)·g;</li>
 * <li>hue h ∈ [−0.1, 0.1]: a rotation of the HSV hue by h turns (h·360°), saturation and value kept.</li>
 * </ul>
 * Grey is 0.299 R + 0.587 G + 0.114 B, as in torchvision. Unlike torchvision on PIL images, values stay in float
 * between the operations instead of being rounded to 8 bits.
 */
final class ColourJitter {

    static final float BRIGHTNESS = 0.3f;
    static final float CONTRAST = 0.3f;
    static final float SATURATION = 0.3f;
    static final float HUE = 0.1f;

    private static final int OPERATIONS = 4;

    private ColourJitter() {
    }

    /** Jitters the planes {@code rgb[channel][pixel]} in place. */
    static void apply(float[][] rgb, SplittableRandom random) {
        int[] order = {0, 1, 2, 3};
        for (int i = OPERATIONS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        float brightness = factor(random, BRIGHTNESS);
        float contrast = factor(random, CONTRAST);
        float saturation = factor(random, SATURATION);
        float hue = (float) random.nextDouble(-HUE, HUE);
        for (int operation : order) {
            switch (operation) {
                case 0 -> scale(rgb, brightness);
                case 1 -> blendWithMeanGrey(rgb, contrast);
                case 2 -> blendWithGrey(rgb, saturation);
                default -> rotateHue(rgb, hue);
            }
        }
    }

    private static float factor(SplittableRandom random, float spread) {
        return (float) random.nextDouble(1 - spread, 1 + spread);
    }

    static void scale(float[][] rgb, float factor) {
        for (float[] plane : rgb) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = clamp(plane[i] * factor);
            }
        }
    }

    static void blendWithMeanGrey(float[][] rgb, float factor) {
        double sum = 0;
        int pixels = rgb[0].length;
        for (int i = 0; i < pixels; i++) {
            sum += grey(rgb, i);
        }
        float offset = (float) ((1 - factor) * sum / pixels);
        for (float[] plane : rgb) {
            for (int i = 0; i < pixels; i++) {
                plane[i] = clamp(factor * plane[i] + offset);
            }
        }
    }

    static void blendWithGrey(float[][] rgb, float factor) {
        for (int i = 0; i < rgb[0].length; i++) {
            float offset = (1 - factor) * grey(rgb, i);
            for (float[] plane : rgb) {
                plane[i] = clamp(factor * plane[i] + offset);
            }
        }
    }

    /** Shifts the HSV hue of every pixel by {@code turns} (a fraction of the full circle). */
    static void rotateHue(float[][] rgb, float turns) {
        float[] r = rgb[0];
        float[] g = rgb[1];
        float[] b = rgb[2];
        for (int i = 0; i < r.length; i++) {
            float max = Math.max(r[i], Math.max(g[i], b[i]));
            float min = Math.min(r[i], Math.min(g[i], b[i]));
            float chroma = max - min;
            if (chroma == 0) {
                continue; // grey has no hue
            }
            float hue;
            if (max == r[i]) {
                hue = (g[i] - b[i]) / chroma;
            } else if (max == g[i]) {
                hue = 2 + (b[i] - r[i]) / chroma;
            } else {
                hue = 4 + (r[i] - g[i]) / chroma;
            }
            float sector = ((hue / 6 + turns) % 1 + 1) % 1 * 6;
            r[i] = hsvChannel(5, sector, max, chroma);
            g[i] = hsvChannel(3, sector, max, chroma);
            b[i] = hsvChannel(1, sector, max, chroma);
        }
    }

    /** The standard HSV to RGB formula: V − C·max(0, min(k, 4 − k, 1)) with k = (n + H/60°) mod 6. */
    private static float hsvChannel(int n, float sector, float value, float chroma) {
        float k = (n + sector) % 6;
        return clamp(value - chroma * Math.max(0, Math.min(Math.min(k, 4 - k), 1)));
    }

    private static float grey(float[][] rgb, int pixel) {
        return 0.299f * rgb[0][pixel] + 0.587f * rgb[1][pixel] + 0.114f * rgb[2][pixel];
    }

    private static float clamp(float value) {
        return Math.min(1f, Math.max(0f, value));
    }
}
