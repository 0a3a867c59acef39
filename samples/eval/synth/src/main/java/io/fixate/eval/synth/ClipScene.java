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
 * @param eventMoves      whether the event object moves (its distractors then stay still) or stays still (they move)
 * @param objects         every object in drawing order; the event object comes last so it is never covered
 * @param irrelevantAudio the background sound replacing the event's, or {@code null} when the event sounds
 * @param backgroundSeed  seed of the background picture
 * @param audioSeed       seed of the sound
 * @param observerSeed    seed of the simulated observers' fixations
 */
record ClipScene(BenchmarkSpec spec, String videoId, Category category, Variant variant, boolean eventMoves,
                 List<SceneObject> objects, IrrelevantAudio irrelevantAudio, long backgroundSeed, long audioSeed,
                 long observerSeed) {

    ClipScene {
        objects = List.copyOf(objects);
    }

    /** The scenarios the clip tests: its motion scenario, then its variant's. */
    List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(eventMoves ? Scenario.MOVING_EVENT : Scenario.STATIC_EVENT);
        scenarios.addAll(variant.scenarios());
        return scenarios;
    }

    SceneObject event() {
        return objects.get(objects.size() - 1);
    }

    /** The scene time of frame {@code index} in seconds. */
    double secondsOf(int index) {
        return index / spec.frameRate();
    }

    /** The visible objects of frame {@code index} with their positions, sizes and pixels. */
    Snapshot snapshot(int index) {
        double seconds = secondsOf(index);
        double period = 1 / spec.frameRate();
        List<Snapshot.Placed> visible = new ArrayList<>();
        for (SceneObject object : objects) {
            if (object.presence().visibleAt(seconds)) {
                SceneObject.ObjectState state = object.stateAt(seconds, period);
                visible.add(new Snapshot.Placed(object, state,
                        Sprite.draw(object, state, spec.width(), spec.height())));
            }
        }
        return new Snapshot(seconds, visible);
    }

    /** One frame of the scene: the objects on screen, in drawing order. */
    record Snapshot(double seconds, List<Placed> visible) {

        /** An object as drawn in this frame. */
        record Placed(SceneObject object, SceneObject.ObjectState state, Sprite sprite) {
        }

        Placed event() {
            return visible.stream().filter(p -> p.object().role() == ObjectRole.EVENT).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the event object is always on screen"));
        }
    }
}
