package io.fixate.eval.synth;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenePlannerTest {

    @Test
    void everyVariantMeetsBothMotionScenariosInAboutEqualNumbers() {
        BenchmarkSpec spec = BenchmarkSpec.DEFAULT;
        Map<String, Integer> counts = new HashMap<>();
        for (int category = 0; category < spec.categories(); category++) {
            for (int index = 0; index < spec.clipsPerCategory(); index++) {
                ClipScene scene = ScenePlanner.plan(spec, category, index);
                counts.merge(scene.variant() + (scene.eventMoves() ? " moving" : " static"), 1, Integer::sum);
            }
        }
        assertEquals(2 * Variant.DEFAULT_CYCLE.size(), counts.size(), counts.toString());
        counts.forEach((combination, count) -> assertTrue(count >= 10, combination + " occurs " + count + " times"));
    }

    @Test
    void motionFollowsTheEventsScenario() {
        BenchmarkSpec spec = BenchmarkSpec.DEFAULT;
        for (int index = 0; index < spec.clipsPerCategory(); index++) {
            ClipScene scene = ScenePlanner.plan(spec, 2, index);
            boolean eventMoves = scene.event().motion().speed() > 0;
            assertEquals(scene.eventMoves(), eventMoves);
            for (SceneObject object : scene.objects()) {
                boolean moves = object.motion().speed() > 0;
                if (object.role() == ObjectRole.TWIN) {
                    assertEquals(eventMoves, moves, "the twin moves like the event");
                } else if (object.role() != ObjectRole.EVENT) {
                    assertEquals(!eventMoves || object.fast(), moves,
                            scene.videoId() + ": distractors move when the event stays still");
                }
            }
        }
    }

    @Test
    void distractorsAndTheNewObjectAreOfDistinctOtherCategoriesWhenEnoughExist() {
        BenchmarkSpec spec = BenchmarkSpec.DEFAULT;
        for (int index = 0; index < spec.clipsPerCategory(); index++) {
            ClipScene scene = ScenePlanner.plan(spec, 5, index);
            Set<Category> seen = new HashSet<>();
            for (SceneObject object : scene.objects()) {
                if (object.role() == ObjectRole.DISTRACTOR || object.role() == ObjectRole.NEW) {
                    assertTrue(!object.category().equals(scene.category()) && seen.add(object.category()),
                            scene.videoId() + " repeats " + object.category().name());
                }
            }
        }
    }

    @Test
    void objectsStayInsideTheFrameWhateverTheirPulse() {
        BenchmarkSpec spec = BenchmarkSpec.TINY;
        for (int category = 0; category < spec.categories(); category++) {
            ClipScene scene = ScenePlanner.plan(spec, category, 1);
            for (SceneObject object : scene.objects()) {
                double reach = SceneObject.reach(object.radius());
                for (double t = 0; t < spec.clipSeconds(); t += 0.01) {
                    double x = object.motion().x(t);
                    double y = object.motion().y(t);
                    assertTrue(x >= reach - 1e-9 && x <= spec.width() - reach + 1e-9, "x " + x);
                    assertTrue(y >= reach - 1e-9 && y <= spec.height() - reach + 1e-9, "y " + y);
                }
            }
        }
    }
}
