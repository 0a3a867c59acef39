package io.fixate.eval.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fixate.eval.synth.ClipScene.Snapshot;
import io.fixate.eval.synth.ClipScene.Snapshot.Placed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each scene of the granularity benchmark keeps its documented rule on the generated frames: where its context
 * decides, nothing else in the frame does, and the ground truth's peak sits on the event.
 */
class ContextScenesTest {

    private static final BenchmarkSpec SPEC = BenchmarkSpec.GRANULARITY;
    private static final AttentionDensity ATTENTION = new AttentionDensity(SPEC.width(), SPEC.height());

    @Test
    void theGranularityPresetHasEachSceneEquallyOftenAndTagsItsClipsWithIt() {
        Map<Variant, Integer> counts = new EnumMap<>(Variant.class);
        for (ClipScene scene : GroundTruthTest.scenes(SPEC)) {
            counts.merge(scene.variant(), 1, Integer::sum);
            assertEquals(scene.variant().scenarios(), scene.scenarios(), "no motion scenario: " + scene.videoId());
            assertFalse(scene.contextFrames().isEmpty(), scene.videoId());
        }
        assertEquals(Map.of(Variant.OCCLUDED_EVENT, 48, Variant.RETURNING_EVENT, 48, Variant.LOOK_ALIKES, 48), counts);
        assertEquals(List.of(Scenario.SHORT_TERM), Variant.OCCLUDED_EVENT.scenarios());
        assertEquals(List.of(Scenario.LONG_TERM), Variant.RETURNING_EVENT.scenarios());
        assertEquals(List.of(Scenario.CROSS_CLIP), Variant.LOOK_ALIKES.scenarios());
    }

    @Test
    void shortTermTheEventAndTheDecoyHideTogetherAndTheFramesAroundShowWhere() {
        for (ClipScene scene : scenesOf(Variant.OCCLUDED_EVENT)) {
            List<Screen> screens = scene.screens();
            assertEquals(2, screens.size());
            assertEquals(screens.get(0).width(), screens.get(1).width(), "equal screens");
            assertEquals(screens.get(0).height(), screens.get(1).height(), "equal screens");
            SceneObject decoy = only(scene, ObjectRole.DECOY);
            assertTrue(decoy.motion().speed() >= ContextScenes.MIN_BRISK_SPEED * SPEC.height() - 1e-9
                    && scene.event().motion().speed() >= ContextScenes.MIN_BRISK_SPEED * SPEC.height() - 1e-9);
            assertNotEquals(scene.category(), decoy.category());
            int[] hiddenTogether = {0};
            for (int i : scene.contextFrames()) {
                Snapshot snapshot = scene.snapshot(i);
                String frame = scene.videoId() + " frame " + i;
                assertTrue(Screen.visibleShare(snapshot.event().sprite(), screens) <= ClipScene.HIDDEN_SHARE, frame);
                assertTrue(visibleNearby(scene, i), frame + ": the event shows within four frames");
                int peak = Stats.argMax(ATTENTION.of(snapshot));
                int x = peak % SPEC.width();
                int y = peak / SPEC.width();
                assertTrue(snapshot.event().sprite().coverageAt(x, y) > 0, frame + ": peak off the hidden event");
                assertTrue(screens.stream().anyMatch(s -> s.covers(x, y)), frame + ": peak not behind a screen");
                Placed decoyNow = snapshot.visible().stream().filter(p -> p.object() == decoy).findFirst()
                        .orElseThrow();
                if (Screen.visibleShare(decoyNow.sprite(), screens) <= ClipScene.HIDDEN_SHARE) {
                    hiddenTogether[0]++;
                }
            }
            assertTrue(hiddenTogether[0] > 0, scene.videoId() + ": the decoy never hides with the event");
        }
    }

    @Test
    void longTermTheSilentReturnerTakesTheEventsShareFromItsIdenticallyArrivingLookAlike() {
        for (ClipScene scene : scenesOf(Variant.RETURNING_EVENT)) {
            SceneObject event = scene.event();
            SceneObject newcomer = only(scene, ObjectRole.NEW);
            assertEquals(scene.category(), newcomer.category(), "the newcomer looks like the event's category");
            double leaves = event.presence().hiddenFrom();
            double returns = event.presence().hiddenUntil();
            assertEquals(returns, newcomer.presence().appearsAt(), "both arrive in the same frame");
            assertEquals(event.motion().speed(), 0);
            assertEquals(newcomer.motion().speed(), 0);
            assertTrue(returns - leaves >= 1.0, scene.videoId() + ": away for " + (returns - leaves) + " s");
            float[] sound = Soundtrack.render(scene).copyInterleaved();
            int rate = SPEC.audioSampleRate();
            double before = rms(sound, 0, leaves * rate);
            double after = rms(sound, (leaves + 0.1) * rate, sound.length);
            assertTrue(before > 4 * Soundtrack.ROOM_TONE_RMS && after < 1.5 * Soundtrack.ROOM_TONE_RMS,
                    scene.videoId() + ": sound before leaving " + before + ", after " + after);
            int firstContext = scene.contextFrames().get(0);
            assertTrue(firstContext - leaves * SPEC.frameRate() > ContextScenes.SHORT_TERM_FRAMES,
                    "the last sound lies further back than short-term context reaches");
            for (int i : scene.contextFrames()) {
                Snapshot snapshot = scene.snapshot(i);
                assertEquals(2, snapshot.visible().stream().filter(p -> p.object().category().equals(scene.category()))
                        .count(), "event and look-alike both on screen");
                int peak = Stats.argMax(ATTENTION.of(snapshot));
                assertTrue(snapshot.event().sprite().coverageAt(peak % SPEC.width(), peak / SPEC.width()) > 0,
                        scene.videoId() + " frame " + i + ": peak off the returned event");
            }
        }
    }

    @Test
    void crossClipOnlyTheTagsWholeLookSinglesTheEventOut() {
        for (ClipScene scene : scenesOf(Variant.LOOK_ALIKES)) {
            Appearance tag = scene.category().appearance();
            List<SceneObject> decoys = scene.objects().stream().filter(o -> o.role() == ObjectRole.DECOY).toList();
            assertEquals(2, decoys.size());
            assertEquals(1, decoys.stream().filter(d -> d.appearance().shape() == tag.shape()
                    && d.appearance().texture() == d.category().appearance().texture()).count(), "a shape decoy");
            assertEquals(1, decoys.stream().filter(d -> d.appearance().shape() == d.category().appearance().shape()
                    && d.appearance().texture() == tag.texture()).count(), "a pattern decoy");
            boolean moving = scene.event().motion().speed() > 0;
            for (SceneObject object : scene.objects()) {
                assertEquals(moving, object.motion().speed() > 0, scene.videoId() + ": all move alike");
                assertTrue(object.motion().speed() <= ScenePlanner.MAX_SLOW_SPEED * SPEC.height() + 1e-9);
                assertEquals(object == scene.event(), object.sounding());
            }
            assertNotEquals(scene.event().pulse(), scene.event().voice(), "the sound follows no object's size");
            assertEquals(SPEC.frameCount(), scene.contextFrames().size());
            for (int i = 0; i < SPEC.frameCount(); i += 5) {
                Snapshot snapshot = scene.snapshot(i);
                assertTrue(AttentionDensity.secondaryTarget(snapshot).isEmpty());
                int peak = Stats.argMax(ATTENTION.of(snapshot));
                assertTrue(snapshot.event().sprite().coverageAt(peak % SPEC.width(), peak / SPEC.width()) > 0);
            }
        }
    }

    @Test
    void crossClipSoundIsTheTagsButInStepWithNoObject() {
        for (ClipScene scene : scenesOf(Variant.LOOK_ALIKES)) {
            double[] voice = new double[SPEC.frameCount()];
            for (int i = 0; i < voice.length; i++) {
                voice[i] = scene.event().voice().rms(scene.secondsOf(i) - 0.05, scene.secondsOf(i) + 0.05);
            }
            for (SceneObject object : scene.objects()) {
                double r = Correlation.pearson(AudioVisualSyncTest.radii(scene, object), voice);
                assertTrue(Math.abs(r) <= ContextScenes.MAX_CHANCE_STEP,
                        scene.videoId() + ": " + object.role() + " size vs sound r = " + r);
            }
        }
    }

    @Test
    void clipJsonListsTheScreensAndTheFramesWhereContextDecides() {
        for (int index = 0; index < SPEC.variants().size(); index++) {
            ClipScene scene = ScenePlanner.plan(SPEC, 0, index);
            JsonObject clip = BenchmarkFiles.clip(scene);
            assertEquals(scene.scenarios().get(0).label(), clip.getAsJsonArray("scenarios").get(0).getAsString());
            List<Integer> frames = clip.getAsJsonArray("contextFrames").asList().stream()
                    .map(JsonElement::getAsInt).toList();
            assertEquals(scene.contextFrames(), frames);
            List<List<Integer>> screens = clip.getAsJsonArray("screens").asList().stream()
                    .map(s -> s.getAsJsonArray().asList().stream().map(JsonElement::getAsInt).toList()).toList();
            assertEquals(scene.screens().stream().map(s -> List.of(s.left(), s.top(), s.width(), s.height()))
                    .toList(), screens);
        }
        assertFalse(BenchmarkFiles.clip(ScenePlanner.plan(BenchmarkSpec.TINY, 0, 0)).has("contextFrames"),
                "the default cycle's clip.json stays as it was");
    }

    @Test
    void noOtherVariantHasContextFramesOrScreens() {
        for (ClipScene scene : GroundTruthTest.scenes(BenchmarkSpec.TINY)) {
            assertTrue(scene.contextFrames().isEmpty() && scene.screens().isEmpty(), scene.videoId());
        }
    }

    private static boolean visibleNearby(ClipScene scene, int frame) {
        for (int j = Math.max(0, frame - ContextScenes.SHORT_TERM_FRAMES);
             j <= Math.min(SPEC.frameCount() - 1, frame + ContextScenes.SHORT_TERM_FRAMES); j++) {
            if (Screen.visibleShare(scene.snapshot(j).event().sprite(), scene.screens())
                    >= ContextScenes.VISIBLE_SHARE) {
                return true;
            }
        }
        return false;
    }

    private static double rms(float[] samples, double from, double to) {
        double sum = 0;
        int count = 0;
        for (int i = (int) from; i < (int) to; i++) {
            sum += samples[i] * samples[i];
            count++;
        }
        return Math.sqrt(sum / count);
    }

    private static SceneObject only(ClipScene scene, ObjectRole role) {
        List<SceneObject> found = scene.objects().stream().filter(o -> o.role() == role).toList();
        assertEquals(1, found.size(), scene.videoId() + " " + role);
        return found.get(0);
    }

    private static List<ClipScene> scenesOf(Variant variant) {
        return GroundTruthTest.scenes(SPEC).stream().filter(s -> s.variant() == variant).toList();
    }
}
