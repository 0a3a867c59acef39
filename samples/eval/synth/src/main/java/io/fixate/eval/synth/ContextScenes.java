package io.fixate.eval.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the scenes of the context variants, in each of which one granularity of context alone tells where the event
 * is (see {@code docs/synthetic-benchmark.md}, "The granularity benchmark"):
 * <ul>
 *   <li>{@link Variant#OCCLUDED_EVENT} (short-term): the event and a decoy of another category move briskly and pass
 *       behind two equal screens at the same time; the event is hidden for a few frames, and only the frames around
 *       show which screen it is behind;</li>
 *   <li>{@link Variant#RETURNING_EVENT} (long-term): the still event sounds, falls silent and leaves; over a second
 *       later it returns to its place silently, in the very frame a newcomer of its own category appears elsewhere,
 *       so only the clip's distant past tells the two apart;</li>
 *   <li>{@link Variant#LOOK_ALIKES} (cross-clip): every object moves alike (all drift or all stay), the tag's sound
 *       plays in step with none of them, and two decoys each share half of the tag's look (its shape, or its pattern
 *       and colours): only the look the tag has in other clips tells which object is the event.</li>
 * </ul>
 * Every staging draws from the clip's random stream only, so it is as reproducible as the other variants.
 */
final class ContextScenes {

    /** Speed of the short-term event and decoy, in shorter sides per second: brisk, so they hide for a few frames. */
    static final double MIN_BRISK_SPEED = 0.55;
    static final double MAX_BRISK_SPEED = 0.70;
    /** The short-term pair heads at most this many radians off the horizontal, so the screens stay compact. */
    private static final double MAX_TILT = 0.35;
    /** The screens hide their object in this many frames on each side of the frame it passes their centre. */
    private static final int HIDDEN_HALF_SPAN = 1;
    /** The short-term pair passes its screens' centres between these shares of the clip. */
    private static final double EARLIEST_HIDING = 0.3;
    private static final double LATEST_HIDING = 0.7;
    /** Pixels of background at least between the two screens. */
    private static final int SCREEN_GAP = 4;
    /** In every hidden frame, at least this share of the event is visible within {@value #SHORT_TERM_FRAMES} frames. */
    static final double VISIBLE_SHARE = 0.5;
    static final int SHORT_TERM_FRAMES = 4;
    private static final int STAGING_ATTEMPTS = 100;
    /** The cross-clip sound is in step with no object: its loudness correlates with no pulse by more than this. */
    static final double MAX_CHANCE_STEP = 0.3;
    /** The long-term event leaves between these shares of the clip and stays away for a share between the next two. */
    private static final double EARLIEST_LEAVING = 0.25;
    private static final double LATEST_LEAVING = 0.35;
    private static final double SHORTEST_ABSENCE = 0.25;
    private static final double LONGEST_ABSENCE = 0.30;

    private final ScenePlanner planner;
    private final BenchmarkSpec spec;
    private final SplittableRandom random;
    private final Category category;
    private final Appearance look;

    /** The objects of a clip in drawing order (the event last) and its screens. */
    record Staging(List<SceneObject> objects, List<Screen> screens) {
    }

    ContextScenes(ScenePlanner planner, Category category, Appearance look) {
        this.planner = planner;
        this.spec = planner.spec();
        this.random = planner.random();
        this.category = category;
        this.look = look;
    }

    Staging stage(Variant variant) {
        return switch (variant) {
            case OCCLUDED_EVENT -> occludedEvent();
            case RETURNING_EVENT -> returningEvent();
            case LOOK_ALIKES -> lookAlikes();
            default -> throw new IllegalArgumentException(variant + " is not a context variant");
        };
    }

    /**
     * The short-term scene. The event passes the centre of one screen in frame k and the decoy that of the other in
     * frame k - 1, k or k + 1, so both are hidden together for a frame or more; each screen is the smallest box that
     * hides its object in the {@value #HIDDEN_HALF_SPAN} frames either side, both taking the larger size. One or two
     * still distractors stand clear of the screens. Stagings are drawn until one leaves every hidden frame of the
     * event within {@value #SHORT_TERM_FRAMES} frames of one showing at least {@value #VISIBLE_SHARE} of it.
     */
    private Staging occludedEvent() {
        Category decoyCategory = planner.otherCategory(category);
        Appearance decoyLook = decoyCategory.appearance().jittered(random);
        double eventRadius = planner.radius();
        double decoyRadius = planner.radius();
        double eventRotation = planner.rotation();
        double decoyRotation = planner.rotation();
        Envelope eventPulse = Envelope.random(random, spec.clipSeconds());
        Envelope decoyPulse = Envelope.random(random, spec.clipSeconds());
        int frames = spec.frameCount();
        SceneObject event = null;
        SceneObject decoy = null;
        List<Screen> screens = List.of();
        for (int attempt = 0; attempt < STAGING_ATTEMPTS; attempt++) {
            int eventFrame = random.nextInt((int) (EARLIEST_HIDING * frames), (int) (LATEST_HIDING * frames) + 1);
            int decoyFrame = eventFrame + random.nextInt(-1, 2);
            event = new SceneObject(ObjectRole.EVENT, category, look, eventRadius, eventRotation,
                    briskMotionThrough(eventRadius, eventFrame), eventPulse, eventPulse, Presence.ALWAYS, false);
            decoy = new SceneObject(ObjectRole.DECOY, decoyCategory, decoyLook, decoyRadius, decoyRotation,
                    briskMotionThrough(decoyRadius, decoyFrame), decoyPulse, null, Presence.ALWAYS, false);
            int[] eventBox = hidingBox(event, eventFrame);
            int[] decoyBox = hidingBox(decoy, decoyFrame);
            int width = Math.max(eventBox[2] - eventBox[0], decoyBox[2] - decoyBox[0]);
            int height = Math.max(eventBox[3] - eventBox[1], decoyBox[3] - decoyBox[1]);
            screens = List.of(screenAround(eventBox, width, height), screenAround(decoyBox, width, height));
            if (apart(screens.get(0), screens.get(1)) && hiddenOnlyBriefly(event, screens)) {
                break;
            }
        }
        for (Screen screen : screens) {
            planner.reserve(screen.left() + screen.width() / 2.0, screen.top() + screen.height() / 2.0,
                    Math.hypot(screen.width(), screen.height()) / 2);
        }
        List<SceneObject> objects = new ArrayList<>(List.of(decoy));
        int distractors = random.nextInt(1, 3);
        for (int d = 0; d < distractors; d++) {
            objects.add(planner.object(ObjectRole.DISTRACTOR, planner.otherCategory(category), null, false, false,
                    Presence.ALWAYS, false));
        }
        planner.shuffle(objects);
        objects.add(event);
        return new Staging(objects, screens);
    }

    /**
     * A brisk straight path, bouncing off the frame's edges, that passes a random point of the frame in frame
     * {@code frame}: it starts where going back from that point leads, folded into the frame like the bounces.
     */
    private Motion briskMotionThrough(double radius, int frame) {
        double reach = SceneObject.reach(radius);
        double x = random.nextDouble(reach, spec.width() - reach);
        double y = random.nextDouble(reach, spec.height() - reach);
        double speed = Math.min(spec.width(), spec.height()) * random.nextDouble(MIN_BRISK_SPEED, MAX_BRISK_SPEED);
        double heading = random.nextDouble(-MAX_TILT, MAX_TILT) + (random.nextBoolean() ? 0 : Math.PI);
        double vx = speed * Math.cos(heading);
        double vy = speed * Math.sin(heading);
        double seconds = frame / spec.frameRate();
        return new Motion(x - vx * seconds, y - vy * seconds, vx, vy, reach, spec.width() - reach, reach,
                spec.height() - reach);
    }

    /** {left, top, right, bottom} (right and bottom exclusive) of every pixel the object covers near {@code frame}. */
    private int[] hidingBox(SceneObject object, int frame) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        int last = spec.frameCount() - 1;
        for (int i = Math.max(0, frame - HIDDEN_HALF_SPAN); i <= Math.min(last, frame + HIDDEN_HALF_SPAN); i++) {
            Sprite sprite = sprite(object, i);
            for (int y = sprite.top(); y < sprite.top() + sprite.height(); y++) {
                for (int x = sprite.left(); x < sprite.left() + sprite.width(); x++) {
                    if (sprite.coverageAt(x, y) > 0) {
                        box[0] = Math.min(box[0], x);
                        box[1] = Math.min(box[1], y);
                        box[2] = Math.max(box[2], x + 1);
                        box[3] = Math.max(box[3], y + 1);
                    }
                }
            }
        }
        return box;
    }

    /** The object as drawn in frame {@code index}, whether on screen or not. */
    private Sprite sprite(SceneObject object, int index) {
        return Sprite.draw(object, object.stateAt(index / spec.frameRate(), 1 / spec.frameRate()), spec.width(),
                spec.height());
    }

    /** A screen of the given size centred on {@code box}, cut to the frame. */
    private Screen screenAround(int[] box, int width, int height) {
        int left = (box[0] + box[2] - width) / 2;
        int top = (box[1] + box[3] - height) / 2;
        return Screen.within(left, top, left + width, top + height, spec.width(), spec.height());
    }

    private static boolean apart(Screen a, Screen b) {
        return a.left() + a.width() + SCREEN_GAP <= b.left() || b.left() + b.width() + SCREEN_GAP <= a.left()
                || a.top() + a.height() + SCREEN_GAP <= b.top() || b.top() + b.height() + SCREEN_GAP <= a.top();
    }

    /** Whether every frame hiding the event lies within a few frames of one showing a good share of it. */
    private boolean hiddenOnlyBriefly(SceneObject event, List<Screen> screens) {
        int frames = spec.frameCount();
        double[] visible = new double[frames];
        for (int i = 0; i < frames; i++) {
            visible[i] = Screen.visibleShare(sprite(event, i), screens);
        }
        for (int i = 0; i < frames; i++) {
            if (visible[i] <= ClipScene.HIDDEN_SHARE) {
                boolean seenNearby = false;
                int last = Math.min(frames - 1, i + SHORT_TERM_FRAMES);
                for (int j = Math.max(0, i - SHORT_TERM_FRAMES); j <= last; j++) {
                    seenNearby |= visible[j] >= VISIBLE_SHARE;
                }
                if (!seenNearby) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The long-term scene: the still event sounds until it leaves (its last burst dies down before), stays away for
     * a quarter of the clip or more, and returns to its place silent but pulsing, in the frame a still newcomer of
     * its category appears elsewhere; from then on both pulse alike, without sound. Two or three distractors drift.
     */
    private Staging returningEvent() {
        double duration = spec.clipSeconds();
        double leaves = duration * random.nextDouble(EARLIEST_LEAVING, LATEST_LEAVING);
        double returns = leaves + duration * random.nextDouble(SHORTEST_ABSENCE, LONGEST_ABSENCE);
        SceneObject event = planner.object(ObjectRole.EVENT, category, look, false, false,
                Presence.returning(leaves, returns), true);
        Envelope voice = event.voice().between(0, leaves);
        event = event.withSound(voice.with(Envelope.random(random, duration).between(returns, duration)), voice);
        SceneObject newcomer = planner.object(ObjectRole.NEW, category, null, false, false, Presence.from(returns),
                false);
        List<SceneObject> objects = new ArrayList<>(List.of(
                newcomer.withSound(Envelope.random(random, duration).between(returns, duration), null)));
        int distractors = random.nextInt(2, 4);
        for (int d = 0; d < distractors; d++) {
            objects.add(planner.object(ObjectRole.DISTRACTOR, planner.otherCategory(category), null, true, false,
                    Presence.ALWAYS, false));
        }
        planner.shuffle(objects);
        objects.add(event);
        return new Staging(objects, List.of());
    }

    /**
     * The cross-clip scene: the event, a decoy with the tag's shape in another category's pattern and colours, a
     * decoy with another category's shape in the tag's pattern and colours, and a plain distractor, all drifting or
     * all still, each pulsing on its own; the tag's sound follows an envelope of its own, in step with none of them.
     */
    private Staging lookAlikes() {
        boolean moving = random.nextBoolean();
        SceneObject event = planner.object(ObjectRole.EVENT, category, look, moving, false, Presence.ALWAYS, true);
        Appearance tag = category.appearance();
        Category shapeDonor = planner.otherCategory(category);
        Appearance donorLook = shapeDonor.appearance();
        Appearance tagShape = new Appearance(tag.shape(), donorLook.texture(), donorLook.primary(),
                donorLook.secondary());
        Category patternDonor = planner.otherCategory(category);
        Appearance tagPattern = new Appearance(patternDonor.appearance().shape(), tag.texture(), tag.primary(),
                tag.secondary());
        List<SceneObject> objects = new ArrayList<>();
        objects.add(planner.object(ObjectRole.DECOY, shapeDonor, tagShape.jittered(random), moving, false,
                Presence.ALWAYS, false));
        objects.add(planner.object(ObjectRole.DECOY, patternDonor, tagPattern.jittered(random), moving, false,
                Presence.ALWAYS, false));
        objects.add(planner.object(ObjectRole.DISTRACTOR, planner.otherCategory(category), null, moving, false,
                Presence.ALWAYS, false));
        planner.shuffle(objects);
        objects.add(event);
        Envelope voice = voiceInStepWithNone(objects);
        objects.set(objects.size() - 1, event.withSound(event.pulse(), voice));
        return new Staging(objects, List.of());
    }

    /**
     * A random envelope for the sound whose loudness per frame correlates with no object's pulse by more than
     * {@value #MAX_CHANCE_STEP} (Pearson): independent draws alone can fall in step with an object by chance.
     * Envelopes are drawn until one does, else the least correlated of the tries is kept.
     */
    private Envelope voiceInStepWithNone(List<SceneObject> objects) {
        Envelope best = null;
        double bestStep = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < STAGING_ATTEMPTS && bestStep > MAX_CHANCE_STEP; attempt++) {
            Envelope voice = Envelope.random(random, spec.clipSeconds());
            double step = 0;
            for (SceneObject object : objects) {
                step = Math.max(step, Math.abs(Correlation.pearson(perFrame(voice), perFrame(object.pulse()))));
            }
            if (step < bestStep) {
                best = voice;
                bestStep = step;
            }
        }
        return best;
    }

    /** The envelope's root mean square over each frame's period, as object sizes follow it. */
    private double[] perFrame(Envelope envelope) {
        double period = 1 / spec.frameRate();
        double[] levels = new double[spec.frameCount()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = envelope.rms(i * period - period / 2, i * period + period / 2);
        }
        return levels;
    }
}
