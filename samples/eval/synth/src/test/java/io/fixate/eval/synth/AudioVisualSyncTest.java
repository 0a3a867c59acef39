package io.fixate.eval.synth;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Picture and sound as written to the videos, decoded again: the event object's size follows the sound it makes, the
 * silent twin's does not, and irrelevant audio is neither the event's signature nor in step with it.
 */
class AudioVisualSyncTest {

    /** Long enough clips for correlations over 40 frames; the tiny preset's clip order gives every variant. */
    private static final BenchmarkSpec SPEC = BenchmarkSpec.TINY.withClipSeconds(4).withFrameRate(10);
    private static final int SIGNATURE_WINDOW = 512;

    @TempDir
    static Path root;

    @BeforeAll
    static void generate() throws IOException {
        BenchmarkGenerator.generate(root, SPEC, false, ProgressListener.NONE);
    }

    @Test
    void theSoundingEventGrowsWithItsSoundInEveryClip() {
        int sounding = 0;
        for (int category = 0; category < SPEC.categories(); category++) {
            for (int index = 0; index < SPEC.clipsPerCategory(); index++) {
                ClipScene scene = ScenePlanner.plan(SPEC, category, index);
                if (scene.event().sounding()) {
                    double r = Correlation.pearson(radii(scene, scene.event()), frameLoudness(scene));
                    assertTrue(r > 0.8, scene.videoId() + ": event size vs decoded loudness r = " + r);
                    sounding++;
                }
            }
        }
        assertEquals(SPEC.clipCount() - 1, sounding, "every clip but the irrelevant-audio one sounds");
    }

    @Test
    void theSilentTwinLooksLikeTheEventButPulsesOutOfStepAndIsSilent() throws IOException {
        ClipScene scene = ScenePlanner.plan(SPEC, 0, 0);
        assertEquals(Variant.SILENT_TWIN, scene.variant());
        SceneObject twin = scene.objects().stream().filter(o -> o.role() == ObjectRole.TWIN).findFirst().orElseThrow();
        assertEquals(scene.event().appearance(), twin.appearance());
        assertEquals(scene.event().category(), twin.category());
        assertFalse(twin.sounding());

        double[] loudness = frameLoudness(scene);
        double twinR = Correlation.pearson(radii(scene, twin), loudness);
        double eventR = Correlation.pearson(radii(scene, scene.event()), loudness);
        assertTrue(twinR < 0, "twin size vs decoded loudness r = " + twinR);
        assertTrue(eventR > 0.8, "event size vs decoded loudness r = " + eventR);
        assertTrue(Correlation.mean(radii(scene, twin)) > twin.radius(), "the twin pulses too, only out of step");

        JsonObject clip = BenchmarkLayoutTest.json(root.resolve("ground_truth/bell_0000/clip.json"));
        assertTrue(clip.getAsJsonArray("scenarios").toString().contains("\"silent-twin\""));
        JsonObject twinEntry = clip.getAsJsonArray("objects").asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("role").getAsString().equals("twin")).findFirst().orElseThrow();
        assertEquals("Bell", twinEntry.get("category").getAsString());
        assertFalse(twinEntry.get("sounding").getAsBoolean());
    }

    @Test
    void irrelevantAudioIsNeitherTheSignatureNorInStepWithTheEvent() {
        ClipScene irrelevant = ScenePlanner.plan(SPEC, 1, 0);
        ClipScene sounding = ScenePlanner.plan(SPEC, 1, 1);
        assertEquals(Variant.IRRELEVANT_AUDIO, irrelevant.variant());
        assertNotNull(irrelevant.irrelevantAudio());
        assertNull(sounding.irrelevantAudio());
        assertFalse(irrelevant.event().sounding());

        double[] loudness = frameLoudness(irrelevant);
        double r = Correlation.pearson(radii(irrelevant, irrelevant.event()), loudness);
        assertTrue(Math.abs(r) < 0.3, "event size vs irrelevant loudness r = " + r);
        assertTrue(quietestToLoudest(loudness) > 0.1, "irrelevant audio plays on without the event's silences");
        assertTrue(quietestToLoudest(frameLoudness(sounding)) < 0.05, "a sounding clip has the envelope's silences");

        double[] signature = signatureSpectrum(irrelevant.category());
        double foreign = Stats.cosine(signature, decodedSpectrum(irrelevant));
        double own = Stats.cosine(signature, decodedSpectrum(sounding));
        assertTrue(own > 0.95, "a sounding Drum clip matches the Drum signature: " + own);
        assertTrue(foreign < 0.9, "the irrelevant audio resembles the Drum signature: " + foreign);
    }

    @Test
    void theSoundNeverClips() {
        for (String id : List.of("bell_0000", "bell_0001", "drum_0000", "drum_0001", "siren_0000", "siren_0001")) {
            DecodedClip clip = decoded(id);
            double peak = 0;
            for (float sample : clip.monoAudio()) {
                peak = Math.max(peak, Math.abs(sample));
            }
            assertTrue(peak < 0.98, id + " peaks at " + peak);
            assertTrue(peak > 0.1, id + " is nearly silent: peak " + peak);
        }
    }

    /** The object's radius in every frame, from the generator's scene model. */
    static double[] radii(ClipScene scene, SceneObject object) {
        double[] radii = new double[scene.spec().frameCount()];
        for (int i = 0; i < radii.length; i++) {
            radii[i] = object.stateAt(scene.secondsOf(i), 1 / scene.spec().frameRate()).radius();
        }
        return radii;
    }

    /** RMS of the decoded sound over each frame's period, centred on the frame. */
    private static double[] frameLoudness(ClipScene scene) {
        DecodedClip clip = decoded(scene.videoId());
        double[] loudness = new double[SPEC.frameCount()];
        for (int i = 0; i < loudness.length; i++) {
            loudness[i] = clip.rms(scene.secondsOf(i), 1 / SPEC.frameRate());
        }
        return loudness;
    }

    private static double quietestToLoudest(double[] loudness) {
        return Arrays.stream(loudness).min().orElseThrow() / Arrays.stream(loudness).max().orElseThrow();
    }

    private static DecodedClip decoded(String videoId) {
        return DecodedClip.read(root.resolve("videos").resolve(videoId + ".mp4"));
    }

    private static double[] decodedSpectrum(ClipScene scene) {
        DecodedClip clip = decoded(scene.videoId());
        return Stats.meanMagnitudes(Spectrogram.of(clip.monoAudio(), clip.audioSampleRate(), SIGNATURE_WINDOW,
                SIGNATURE_WINDOW / 2));
    }

    private static double[] signatureSpectrum(Category category) {
        int sampleRate = SPEC.audioSampleRate();
        double[] sound = category.sound().render(2 * sampleRate, sampleRate, new SplittableRandom(7));
        float[] samples = new float[sound.length];
        for (int i = 0; i < sound.length; i++) {
            samples[i] = (float) sound[i];
        }
        return Stats.meanMagnitudes(Spectrogram.of(samples, sampleRate, SIGNATURE_WINDOW, SIGNATURE_WINDOW / 2));
    }
}
