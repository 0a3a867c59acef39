package io.fixate.eval.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that defines one clip, planned by {@link ScenePlanner}: the objects, what the sound is, and the seeds of
 * the parts drawn frame by frame or sample by sample. Rendering, sound and ground truth all read this model, so they
 * agree by construction.
 *
 * @param spec            the benchmark the clip belongs to
 * @param videoId         {@code <category slug>_<4-digit index within the category>}
 * @param category        the clip's tag: the event object's category
 * @param variant         the twist the clip adds
 * @param eventMoves      whether the event object moves (its distractors then stay still) or stays still (they move);
 *                        in a context variant's clip only whether the event moves
 * @param objects         every object in drawing order; the event object comes last so no other object covers it
 * @param screens         opaque panels drawn over all objects (short-term clips), else empty
 * @param irrelevantAudio the background sound replacing the event's, or {@code null} when the event sounds
 * @param backgroundSeed  seed of the background picture
 * @param audioSeed       seed of the sound
 * @param observerSeed    seed of the simulated observers' fixations
 */
record ClipScene(BenchmarkSpec spec, String videoId, Category category, Variant variant, boolean eventMoves,
                 List<SceneObject> objects, List<Screen> screens, IrrelevantAudio irrelevantAudio,
                 long backgroundSeed, long audioSeed, long observerSeed) {

    /** At most this share of the event visible counts as hidden, in a short-term clip's context frames. */
    static final double HIDDEN_SHARE = 0.1;

    ClipScene {
        objects = List.copyOf(objects);
        screens = List.copyOf(screens);
    }

    /**
     * The scenarios the clip tests: its motion scenario, then its variant's; a context variant's alone, since its
     * objects' motion follows neither motion scenario.
     */
    List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        if (!variant.contextDecides()) {
            scenarios.add(eventMoves ? Scenario.MOVING_EVENT : Scenario.STATIC_EVENT);
        }
        scenarios.addAll(variant.scenarios());
        return scenarios;
    }

    /**
     * The frames in which only the context of the clip's variant tells where the event is: in short-term clips those
     * showing at most {@value #HIDDEN_SHARE} of the event, in long-term clips those after its return (it and its
     * look-alike newcomer on screen, the event silent for over a second), in cross-clip clips all; none in others.
     */
    List<Integer> contextFrames() {
        List<Integer> frames = new ArrayList<>();
        for (int i = 0; i < spec.frameCount(); i++) {
            boolean decisive = switch (variant) {
                case OCCLUDED_EVENT -> Screen.visibleShare(snapshot(i).event().sprite(), screens) <= HIDDEN_SHARE;
                case RETURNING_EVENT -> secondsOf(i) >= event().presence().hiddenUntil();
                case LOOK_ALIKES -> true;
                default -> false;
            };
            if (decisive) {
                frames.add(i);
            }
        }
        return frames;
    }

    SceneObject event() {
        return objects.get(objects.size() - 1);
    }

    /** The scene time of frame {@code index} in seconds. */
    double secondsOf(int index) {
        return index / spec.frameRate();
    }

    /**
     * The visible objects of frame {@code index} with their positions, sizes and pixels, and the event object as it
     * would be drawn where it is, even while it is away.
     */
    Snapshot snapshot(int index) {
        double seconds = secondsOf(index);
        double period = 1 / spec.frameRate();
        List<Snapshot.Placed> visible = new ArrayList<>();
        Snapshot.Placed event = null;
        for (SceneObject object : objects) {
            boolean onScreen = object.presence().visibleAt(seconds);
            if (onScreen || object.role() == ObjectRole.EVENT) {
                SceneObject.ObjectState state = object.stateAt(seconds, period);
                Snapshot.Placed placed = new Snapshot.Placed(object, state,
                        Sprite.draw(object, state, spec.width(), spec.height()));
                if (onScreen) {
                    visible.add(placed);
                }
                if (object.role() == ObjectRole.EVENT) {
                    event = placed;
                }
            }
        }
        return new Snapshot(seconds, visible, event);
    }

    /**
     * One frame of the scene: the objects on screen, in drawing order, and the event object where it is (drawn or
     * not: it may be away, or behind a screen).
     */
    record Snapshot(double seconds, List<Placed> visible, Placed event) {

        /** An object as drawn in this frame. */
        record Placed(SceneObject object, SceneObject.ObjectState state, Sprite sprite) {
        }
    }
}
