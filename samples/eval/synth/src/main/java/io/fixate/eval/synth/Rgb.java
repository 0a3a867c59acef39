package io.fixate.eval.synth;

import java.util.SplittableRandom;

/** An 8-bit sRGB colour. */
record Rgb(int r, int g, int b) {

    Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
            throw new IllegalArgumentException("colour channels must be in 0..255, got " + r + "," + g + "," + b);
        }
    }

    /** This colour with each channel moved by up to {@code spread} levels, kept in range. */
    Rgb jittered(SplittableRandom random, int spread) {
        return new Rgb(shift(r, random, spread), shift(g, random, spread), shift(b, random, spread));
    }

    private static int shift(int channel, SplittableRandom random, int spread) {
        return Math.max(0, Math.min(255, channel + random.nextInt(-spread, spread + 1)));
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B). */
    int channel(int c) {
        return switch (c) {
            case 0 -> r;
            case 1 -> g;
            default -> b;
        };
    }
}
