package io.fixate.eval.synth;

import java.util.SplittableRandom;

/** What an object looks like: silhouette, pattern, and the two colours of the pattern. */
record Appearance(Shape shape, Texture texture, Rgb primary, Rgb secondary) {

    /** How far a clip may shift a category's colours, per channel: enough to vary, too little to confuse. */
    static final int COLOUR_JITTER = 10;

    /** The colour of object-coordinate point {@code (u, v)}, which must lie inside the shape. */
    Rgb colourAt(double u, double v) {
        return texture.secondary(u, v) ? secondary : primary;
    }

    /** The same appearance with colours varied slightly, as a clip shows its category. */
    Appearance jittered(SplittableRandom random) {
        return new Appearance(shape, texture, primary.jittered(random, COLOUR_JITTER),
                secondary.jittered(random, COLOUR_JITTER));
    }
}
