package io.fixate.eval.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plans each clip from the benchmark's seed and the clip's place alone, so a clip never depends on which clips were
 * generated before it.
 *
 * <p>Clip {@code k} of category {@code c} is the {@code p = c × clipsPerCategory + k}-th clip overall. Its variant is
 * {@code variants[p mod n]} for a cycle of {@code n} variants, and its event object moves when
 * {@code (p mod n + p div n)} is odd: the motion alternates along the cycle and flips on each pass through it, so each
 * variant meets both motion scenarios; the context variants' scenes are staged by {@link ContextScenes} instead, with
 * motion of their own. Objects measure {@value #MIN_RADIUS}-{@value #MAX_RADIUS} of the frame's
 * shorter side in radius, whatever their role, so size does not give the event away.
 */
final class ScenePlanner {

    static final double MIN_RADIUS = 0.085;
    static final double MAX_RADIUS = 0.11;
    /** Speeds in shorter sides per second: slow movers drift, the fast distractor crosses the frame in about a second. */
    static final double MIN_SLOW_SPEED = 0.12;
    static final double MAX_SLOW_SPEED = 0.25;
    static final double MIN_FAST_SPEED = 0.9;
    static final double MAX_FAST_SPEED = 1.3;
    /** Objects turn by at most this many radians from their category's upright pose. */
    private static final double ROTATION_JITTER = 0.3;
    private static final int PLACEMENT_ATTEMPTS = 100;

    private final BenchmarkSpec spec;
    private final SplittableRandom random;
    private final List<double[]> placed = new ArrayList<>();
    /** Categories other than the clip's not yet given to an object, in random order. */
    private final List<Category> unusedOthers = new ArrayList<>();

    private ScenePlanner(BenchmarkSpec spec, SplittableRandom random) {
        this.spec = spec;
        this.random = random;
    }

    /** The scene of clip {@code indexInCategory} of category {@code categoryIndex}. */
    static ClipScene plan(BenchmarkSpec spec, int categoryIndex, int indexInCategory) {
        SplittableRandom random = new SplittableRandom(clipSeed(spec.seed(), categoryIndex, indexInCategory));
        return new ScenePlanner(spec, random).plan(categoryIndex, indexInCategory);
    }

    /** The video id of clip {@code indexInCategory} of category {@code categoryIndex}. */
    static String videoId(BenchmarkSpec spec, int categoryIndex, int indexInCategory) {
        return spec.categoryList().get(categoryIndex).slug() + String.format(Locale.ROOT, "_%04d", indexInCategory);
    }

    private ClipScene plan(int categoryIndex, int indexInCategory) {
        Category category = spec.categoryList().get(categoryIndex);
        int position = categoryIndex * spec.clipsPerCategory() + indexInCategory;
        int cycle = spec.variants().size();
        Variant variant = spec.variants().get(position % cycle);
        boolean eventMoves = (position % cycle + position / cycle) % 2 == 1;
        long backgroundSeed = random.nextLong();
        long audioSeed = random.nextLong();
        long observerSeed = random.nextLong();
        Appearance look = category.appearance().jittered(random);
        String videoId = videoId(spec, categoryIndex, indexInCategory);
        if (variant.contextDecides()) {
            ContextScenes.Staging staging = new ContextScenes(this, category, look).stage(variant);
            List<SceneObject> objects = staging.objects();
            boolean moving = objects.get(objects.size() - 1).motion().speed() > 0;
            return new ClipScene(spec, videoId, category, variant, moving, objects, staging.screens(), null,
                    backgroundSeed, audioSeed, observerSeed);
        }
        SceneObject event = object(ObjectRole.EVENT, category, look, eventMoves, false, Presence.ALWAYS,
                variant != Variant.IRRELEVANT_AUDIO);
        List<SceneObject> objects = supportingCast(event, variant);
        shuffle(objects);
        objects.add(event);
        IrrelevantAudio background = variant != Variant.IRRELEVANT_AUDIO ? null
                : random.nextBoolean() ? IrrelevantAudio.CHORDS : IrrelevantAudio.NOISE;
        return new ClipScene(spec, videoId, category, variant, eventMoves, objects, List.of(), background,
                backgroundSeed, audioSeed, observerSeed);
    }

    BenchmarkSpec spec() {
        return spec;
    }

    SplittableRandom random() {
        return random;
    }

    /**
     * The objects beside the event: two or three distractors, which move when the event does not, plus what the
     * variant adds: the fast mover (the first distractor), the returning distractor (the first too) and the new
     * object, or the silent twin, which moves like the event.
     */
    private List<SceneObject> supportingCast(SceneObject event, Variant variant) {
        Category category = event.category();
        boolean eventMoves = event.motion().speed() > 0;
        Presence[] returningAndNew = variant == Variant.NEW_OBJECT ? comingsAndGoings()
                : new Presence[]{Presence.ALWAYS, Presence.ALWAYS};
        List<SceneObject> cast = new ArrayList<>();
        int distractors = random.nextInt(2, 4);
        for (int d = 0; d < distractors; d++) {
            boolean fast = variant == Variant.FAST_DISTRACTOR && d == 0;
            cast.add(object(ObjectRole.DISTRACTOR, otherCategory(category), null, fast || !eventMoves, fast,
                    d == 0 ? returningAndNew[0] : Presence.ALWAYS, false));
        }
        if (variant == Variant.NEW_OBJECT) {
            cast.add(object(ObjectRole.NEW, otherCategory(category), null, !eventMoves, false, returningAndNew[1],
                    false));
        }
        if (variant == Variant.SILENT_TWIN) {
            cast.add(object(ObjectRole.TWIN, category, event.appearance(), eventMoves, false, Presence.ALWAYS, false)
                    .withSound(event.pulse().offbeat(spec.clipSeconds()), null));
        }
        return cast;
    }

    /**
     * The presence of the returning distractor and of the new object in a new-object clip: the distractor leaves at
     * 15-30 % of the clip; it comes back and the new object appears at 45-55 % and 65-75 %, in random order, so
     * neither the time nor the order of the pop-ins tells them apart.
     */
    private Presence[] comingsAndGoings() {
        double duration = spec.clipSeconds();
        double leaves = duration * random.nextDouble(0.15, 0.30);
        double earlier = duration * random.nextDouble(0.45, 0.55);
        double later = duration * random.nextDouble(0.65, 0.75);
        boolean returnsFirst = random.nextBoolean();
        return new Presence[]{Presence.returning(leaves, returnsFirst ? earlier : later),
                Presence.from(returnsFirst ? later : earlier)};
    }

    /**
     * An object with a random size, pose, place, path and pulse envelope.
     *
     * @param look the appearance to use, or {@code null} for the category's with a fresh colour jitter
     */
    SceneObject object(ObjectRole role, Category category, Appearance look, boolean moving, boolean fast,
                       Presence presence, boolean sounding) {
        int side = Math.min(spec.width(), spec.height());
        double radius = radius();
        Appearance appearance = look != null ? look : category.appearance().jittered(random);
        double rotation = rotation();
        double reach = SceneObject.reach(radius);
        double[] start = place(reach);
        Motion motion = Motion.still(start[0], start[1]);
        if (moving) {
            double speed = side * (fast ? random.nextDouble(MIN_FAST_SPEED, MAX_FAST_SPEED)
                    : random.nextDouble(MIN_SLOW_SPEED, MAX_SLOW_SPEED));
            double heading = random.nextDouble(2 * Math.PI);
            motion = new Motion(start[0], start[1], speed * Math.cos(heading), speed * Math.sin(heading),
                    reach, spec.width() - reach, reach, spec.height() - reach);
        }
        Envelope pulse = Envelope.random(random, spec.clipSeconds());
        return new SceneObject(role, category, appearance, radius, rotation, motion, pulse, sounding ? pulse : null,
                presence, fast);
    }

    /** A random object radius in pixels. */
    double radius() {
        return random.nextDouble(MIN_RADIUS, MAX_RADIUS) * Math.min(spec.width(), spec.height());
    }

    /** A random turn from the category's upright pose, in radians. */
    double rotation() {
        return random.nextDouble(-ROTATION_JITTER, ROTATION_JITTER);
    }

    /** Keeps later {@link #place placements} clear of a disc that something else occupies. */
    void reserve(double x, double y, double reach) {
        placed.add(new double[]{x, y, reach});
    }

    /**
     * A start position inside the frame for an object of the given reach, as far from the objects placed so far as a
     * few random tries find: the first that clears all of them, else the one that overlaps least.
     */
    private double[] place(double reach) {
        double[] best = null;
        double bestClearance = Double.NEGATIVE_INFINITY;
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS && bestClearance < 0; attempt++) {
            double[] candidate = {random.nextDouble(reach, spec.width() - reach),
                    random.nextDouble(reach, spec.height() - reach), reach};
            double clearance = Double.POSITIVE_INFINITY;
            for (double[] other : placed) {
                clearance = Math.min(clearance,
                        Math.hypot(candidate[0] - other[0], candidate[1] - other[1]) - candidate[2] - other[2]);
            }
            if (clearance > bestClearance) {
                best = candidate;
                bestClearance = clearance;
            }
        }
        placed.add(best);
        return best;
    }

    /**
     * A category other than the clip's, not yet used in the clip while such remain, so distractors differ from each
     * other and the new object is one never seen before in the clip when the benchmark has enough categories.
     */
    Category otherCategory(Category clipCategory) {
        if (unusedOthers.isEmpty()) {
            spec.categoryList().stream().filter(c -> !c.equals(clipCategory)).forEach(unusedOthers::add);
            shuffle(unusedOthers);
        }
        return unusedOthers.remove(unusedOthers.size() - 1);
    }

    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            items.set(j, items.set(i, items.get(j)));
        }
    }

    /** Mixes the seed with the clip's place (SplitMix64 finaliser), so neighbouring clips get unrelated streams. */
    static long clipSeed(long seed, int categoryIndex, int indexInCategory) {
        return mix(mix(seed ^ mix(categoryIndex + 1L)) ^ mix(0x1_0000_0000L + indexInCategory));
    }

    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
