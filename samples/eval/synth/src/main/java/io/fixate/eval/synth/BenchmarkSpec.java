package io.fixate.eval.synth;

import io.fixate.api.InvalidOptionsException;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Every option of a generated benchmark. Two benchmarks of equal specs have identical ground truth; each option is
 * recorded in {@code dataset.json}.
 *
 * @param name             the benchmark's name in {@code dataset.json}
 * @param categories       how many of the built-in categories to use (the first ones), 2 to {@value #MAX_CATEGORIES}
 * @param clipsPerCategory clips per category, 1 to 9999
 * @param width            frame width in pixels, even, {@value #MIN_SIDE} to {@value #MAX_SIDE}
 * @param height           frame height in pixels, even, {@value #MIN_SIDE} to {@value #MAX_SIDE}
 * @param frameRate        frames per second, 1 to 60
 * @param clipSeconds      clip length in whole seconds (AVE annotations count whole seconds), 1 to 60
 * @param audioSampleRate  audio sample rate in Hz: one AAC supports that keeps every signature below Nyquist
 *                         ({@link #AUDIO_SAMPLE_RATES})
 * @param observers        simulated observers, one fixation each per frame, 1 to 1000
 * @param seed             the seed everything random derives from
 * @param trainFraction    share of each category's clips in the training split, in (0, 1]
 * @param valFraction      share in the validation split; the test split takes the rest
 * @param variants         the cycle of clip variants, applied in order over the clips (see {@link Variant})
 */
public record BenchmarkSpec(String name, int categories, int clipsPerCategory, int width, int height,
                            double frameRate, int clipSeconds, int audioSampleRate, int observers, long seed,
                            double trainFraction, double valFraction, List<Variant> variants) {

    /** The number of built-in categories. */
    public static final int MAX_CATEGORIES = Category.BUILT_IN.size();
    public static final int MIN_SIDE = 32;
    public static final int MAX_SIDE = 1920;
    /** AAC sample rates from 16 kHz up: below 16 kHz the highest signatures would alias. */
    public static final Set<Integer> AUDIO_SAMPLE_RATES = Set.of(16_000, 22_050, 24_000, 32_000, 44_100, 48_000);

    /**
     * The benchmark the later model issues train and evaluate on: 8 categories × 16 clips of 4 s at 128×128, 10 fps,
     * 16 kHz, 12 observers, split 70/15/15.
     */
    public static final BenchmarkSpec DEFAULT = new BenchmarkSpec("fixate-synth", 8, 16, 128, 128, 10, 4, 16_000,
            12, 1, 0.70, 0.15, Variant.DEFAULT_CYCLE);

    /** A benchmark small enough for unit tests: 3 categories × 2 clips of 1 s at 64×64, 8 fps, 8 observers. */
    public static final BenchmarkSpec TINY = new BenchmarkSpec("fixate-synth-tiny", 3, 2, 64, 64, 8, 1, 16_000,
            8, 1, 0.70, 0.15, Variant.DEFAULT_CYCLE);

    /**
     * The benchmark that tells granularities of context apart: 8 categories × 18 clips of 5 s at 160×120, 10 fps,
     * 16 kHz, 12 observers, split 70/15/15, cycling through the short-, long- and cross-term scenes
     * ({@link Variant#GRANULARITY_CYCLE}).
     */
    public static final BenchmarkSpec GRANULARITY = new BenchmarkSpec("fixate-synth-granularity", 8, 18, 160, 120, 10,
            5, 16_000, 12, 1, 0.70, 0.15, Variant.GRANULARITY_CYCLE);

    /** Its unit-test size: 3 categories × 3 clips (one of each scene per category) of 4 s at 80×60, 10 fps. */
    public static final BenchmarkSpec GRANULARITY_TINY = new BenchmarkSpec("fixate-synth-granularity-tiny", 3, 3, 80,
            60, 10, 4, 16_000, 8, 1, 0.70, 0.15, Variant.GRANULARITY_CYCLE);

    /** Shortest clip and lowest frame rate the context variants are built for (a second of absence, a few frames). */
    static final int MIN_CONTEXT_SECONDS = 4;
    static final double MIN_CONTEXT_FRAME_RATE = 5;

    /** @throws InvalidOptionsException naming the first option that is out of range */
    public BenchmarkSpec {
        Objects.requireNonNull(name, "name");
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        String problem = problemWith(name, categories, clipsPerCategory, width, height, frameRate, clipSeconds,
                audioSampleRate, observers, trainFraction, valFraction, variants);
        if (problem != null) {
            throw new InvalidOptionsException("invalid benchmark options: " + problem);
        }
    }

    private static String problemWith(String name, int categories, int clipsPerCategory, int width, int height,
                                      double frameRate, int clipSeconds, int audioSampleRate, int observers,
                                      double trainFraction, double valFraction, List<Variant> variants) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            return "name must be letters, digits, '.', '_' or '-', got '" + name + "'";
        }
        if (categories < 2 || categories > MAX_CATEGORIES) {
            return "categories must be in 2.." + MAX_CATEGORIES + " (distractors need another category), got "
                    + categories;
        }
        if (clipsPerCategory < 1 || clipsPerCategory > 9999) {
            return "clips per category must be in 1..9999, got " + clipsPerCategory;
        }
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            return "frame size must be between " + MIN_SIDE + " and " + MAX_SIDE + " pixels per side, got "
                    + width + "x" + height;
        }
        if (width % 2 != 0 || height % 2 != 0) {
            // H.264 in 4:2:0 would pad an odd side, and the videos would no longer match the ground truth's size
            return "frame size must be even on both sides, got " + width + "x" + height;
        }
        if (!(frameRate >= 1 && frameRate <= 60)) {
            return "frame rate must be in 1..60 fps, got " + frameRate;
        }
        if (clipSeconds < 1 || clipSeconds > 60) {
            return "clip length must be in 1..60 s, got " + clipSeconds;
        }
        if (!AUDIO_SAMPLE_RATES.contains(audioSampleRate)) {
            return "audio sample rate must be one of " + AUDIO_SAMPLE_RATES.stream().sorted().toList()
                    + " Hz, got " + audioSampleRate;
        }
        if (observers < 1 || observers > 1000) {
            return "observers must be in 1..1000, got " + observers;
        }
        if (!(trainFraction > 0 && trainFraction <= 1 && valFraction >= 0 && trainFraction + valFraction <= 1)) {
            return String.format(Locale.ROOT, "split fractions must satisfy 0 < train <= 1, 0 <= val, "
                    + "train + val <= 1, got train %s, val %s", trainFraction, valFraction);
        }
        if (variants.isEmpty()) {
            return "the variant cycle must not be empty";
        }
        if (variants.stream().anyMatch(Variant::contextDecides)
                && (clipSeconds < MIN_CONTEXT_SECONDS || frameRate < MIN_CONTEXT_FRAME_RATE)) {
            return String.format(Locale.ROOT, "the short-, long- and cross-term scenes need clips of at least %d s "
                    + "at %s fps or more, got %d s at %s fps", MIN_CONTEXT_SECONDS, MIN_CONTEXT_FRAME_RATE,
                    clipSeconds, frameRate);
        }
        return null;
    }

    /** The names {@link #preset} knows, in the order the help lists them. */
    public static final List<String> PRESETS = List.of("default", "tiny", "granularity", "granularity-tiny");

    /**
     * A preset by name, one of {@link #PRESETS}, in any case.
     *
     * @throws InvalidOptionsException for another name
     */
    public static BenchmarkSpec preset(String presetName) {
        return switch (presetName.toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "tiny" -> TINY;
            case "granularity" -> GRANULARITY;
            case "granularity-tiny" -> GRANULARITY_TINY;
            default -> throw new InvalidOptionsException("unknown benchmark preset '" + presetName + "'; use "
                    + String.join(", ", PRESETS));
        };
    }

    public BenchmarkSpec withCategories(int newCategories) {
        return new BenchmarkSpec(name, newCategories, clipsPerCategory, width, height, frameRate, clipSeconds,
                audioSampleRate, observers, seed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withClipsPerCategory(int newClipsPerCategory) {
        return new BenchmarkSpec(name, categories, newClipsPerCategory, width, height, frameRate, clipSeconds,
                audioSampleRate, observers, seed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withSize(int newWidth, int newHeight) {
        return new BenchmarkSpec(name, categories, clipsPerCategory, newWidth, newHeight, frameRate, clipSeconds,
                audioSampleRate, observers, seed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withFrameRate(double newFrameRate) {
        return new BenchmarkSpec(name, categories, clipsPerCategory, width, height, newFrameRate, clipSeconds,
                audioSampleRate, observers, seed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withClipSeconds(int newClipSeconds) {
        return new BenchmarkSpec(name, categories, clipsPerCategory, width, height, frameRate, newClipSeconds,
                audioSampleRate, observers, seed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withObservers(int newObservers) {
        return new BenchmarkSpec(name, categories, clipsPerCategory, width, height, frameRate, clipSeconds,
                audioSampleRate, newObservers, seed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withSeed(long newSeed) {
        return new BenchmarkSpec(name, categories, clipsPerCategory, width, height, frameRate, clipSeconds,
                audioSampleRate, observers, newSeed, trainFraction, valFraction, variants);
    }

    public BenchmarkSpec withVariants(List<Variant> newVariants) {
        return new BenchmarkSpec(name, categories, clipsPerCategory, width, height, frameRate, clipSeconds,
                audioSampleRate, observers, seed, trainFraction, valFraction, newVariants);
    }

    /** Frames per clip: {@code round(clipSeconds × frameRate)}. */
    public int frameCount() {
        return (int) Math.round(clipSeconds * frameRate);
    }

    /** Clips in the whole benchmark. */
    public int clipCount() {
        return categories * clipsPerCategory;
    }

    /** The label set, in order: the names of the first {@link #categories()} built-in categories. */
    public List<String> categoryNames() {
        return categoryList().stream().map(Category::name).toList();
    }

    List<Category> categoryList() {
        return Category.BUILT_IN.subList(0, categories);
    }

    /** Presentation time of frame {@code index} in microseconds: {@code round(index × 10^6 / frameRate)}. */
    public long frameTimeMicros(int index) {
        return Math.round(index * 1e6 / frameRate);
    }
}
