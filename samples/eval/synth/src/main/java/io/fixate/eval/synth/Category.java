package io.fixate.eval.synth;

import io.fixate.eval.synth.SoundSignature.Chirp;
import io.fixate.eval.synth.SoundSignature.ClickTrain;
import io.fixate.eval.synth.SoundSignature.HarmonicTone;
import io.fixate.eval.synth.SoundSignature.NoiseBand;

import java.util.List;
import java.util.Locale;

/**
 * A tag of the benchmark: a name, the look every object of the category shares and the sound its event objects
 * make. Every built-in category differs from every other in shape; texture and colours differ in most pairs, and the
 * sounds differ in kind or in pitch, band or rate.
 */
record Category(String name, Appearance appearance, SoundSignature sound) {

    /**
     * The built-in categories; a benchmark of {@code n} categories uses the first {@code n}. Each kind of sound
     * (tone, noise band, chirp, clicks) occurs twice among the first eight.
     */
    static final List<Category> BUILT_IN = List.of(
            of("Bell", Shape.CIRCLE, Texture.RINGS, new Rgb(236, 190, 40), new Rgb(120, 72, 18),
                    new HarmonicTone(660, 4, 3)),
            of("Drum", Shape.SQUARE, Texture.CHECKER, new Rgb(214, 44, 44), new Rgb(244, 232, 204),
                    new NoiseBand(60, 250)),
            of("Siren", Shape.TRIANGLE, Texture.STRIPES, new Rgb(40, 92, 224), new Rgb(240, 244, 255),
                    new Chirp(600, 1500, 1.5)),
            of("Clock", Shape.HEXAGON, Texture.DOTS, new Rgb(238, 238, 238), new Rgb(28, 28, 36),
                    new ClickTrain(20, 2500)),
            of("Whistle", Shape.DIAMOND, Texture.SOLID, new Rgb(40, 206, 214), new Rgb(40, 206, 214),
                    new HarmonicTone(2000, 1, 6)),
            of("Rain", Shape.RING, Texture.BANDS, new Rgb(60, 176, 80), new Rgb(190, 240, 200),
                    new NoiseBand(2500, 6000)),
            of("Buzzer", Shape.ELLIPSE, Texture.CHECKER, new Rgb(170, 230, 40), new Rgb(24, 40, 10),
                    new ClickTrain(90, 1200)),
            of("Bird", Shape.STAR, Texture.DOTS, new Rgb(204, 52, 192), new Rgb(250, 236, 80),
                    new Chirp(2500, 4200, 6)),
            of("Horn", Shape.PENTAGON, Texture.STRIPES, new Rgb(128, 60, 200), new Rgb(236, 228, 250),
                    new HarmonicTone(330, 6, 0)),
            of("Engine", Shape.CROSS, Texture.GRID, new Rgb(244, 124, 24), new Rgb(52, 52, 52),
                    new HarmonicTone(110, 8, 18)),
            of("Cricket", Shape.CRESCENT, Texture.SOLID, new Rgb(20, 140, 140), new Rgb(20, 140, 140),
                    new HarmonicTone(4500, 1, 30)),
            of("Gong", Shape.HOURGLASS, Texture.RINGS, new Rgb(180, 120, 60), new Rgb(250, 210, 150),
                    new NoiseBand(350, 1000)));

    private static Category of(String name, Shape shape, Texture texture, Rgb primary, Rgb secondary,
                               SoundSignature sound) {
        return new Category(name, new Appearance(shape, texture, primary, secondary), sound);
    }

    /** The lower-case name used in video ids, e.g. {@code bell} in {@code bell_0007}. */
    String slug() {
        return name.toLowerCase(Locale.ROOT);
    }
}
