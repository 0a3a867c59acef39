package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioWindowerTest {

    private static final AudioRequirement REQUIREMENT = AudioRequirement.DEFAULT;
    private static final int WINDOW = REQUIREMENT.windowSamples();

    /** Pushes constant-valued 48 kHz stereo audio from {@code fromMicros} to {@code toMicros} in 20 ms blocks. */
    private static void pushConstant(AudioWindower windower, float value, long fromMicros, long toMicros) {
        for (long t = fromMicros; t < toMicros; t += 20_000) {
            float[] samples = new float[960 * 2];
            Arrays.fill(samples, value);
            windower.push(AudioBlock.ofInterleaved(samples, 48_000, 2, t));
        }
    }

    private static float hann(int i) {
        return (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (WINDOW - 1)));
    }

    @Test
    void aRawSamplesRequirementGetsTheSamplesUnweighted() {
        // YAMNet's input: 0.975 s of 16 kHz mono as recorded
        AudioRequirement raw = AudioRequirement.rawSamples(16_000, 975_000);
        try (AudioWindower windower = new AudioWindower(raw)) {
            pushConstant(windower, 0.5f, 0, 2_000_000);
            AudioBlock window = windower.windowFor(1_000_000);
            assertEquals(15_600, window.frameCount());
            for (int i = 0; i < window.frameCount(); i += 500) {
                assertEquals(0.5, window.sample(i, 0), 1e-3, "sample " + i);
            }
        }
    }

    @Test
    void windowIsCentredHannWeightedMonoAtTheRequiredRate() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 0, 2_000_000);
            AudioBlock window = windower.windowFor(1_000_000);
            assertEquals(WINDOW, window.frameCount());
            assertEquals(16_000, window.sampleRate());
            assertEquals(1, window.channels());
            assertEquals(750_000, window.timestampMicros());
            for (int i = 0; i < WINDOW; i += 250) {
                assertEquals(0.5 * hann(i), window.sample(i, 0), 1e-3, "sample " + i);
            }
            assertEquals(0, window.sample(0, 0), 1e-6);
            assertEquals(0, window.sample(WINDOW - 1, 0), 1e-6);
        }
    }

    @Test
    void coversAFrameOnceTheAudioAfterItHasArrived() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            assertFalse(windower.covers(0));
            pushConstant(windower, 0.5f, 0, 1_200_000);
            assertTrue(windower.covers(900_000));
            assertFalse(windower.covers(1_000_000));
            pushConstant(windower, 0.5f, 1_200_000, 1_300_000);
            assertTrue(windower.covers(1_000_000));
            windower.end();
            assertTrue(windower.covers(60_000_000));
        }
    }

    @Test
    void silenceAndAbsenceWhereThereIsNoAudio() {
        VideoFrame frame = VideoFrame.ofRgb(1, 1, 0, new byte[3]);
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 1_000_000, 2_000_000);
            windower.end();
            FrameWithAudio before = windower.attach(frame.withTimestamp(500_000));
            assertFalse(before.audioPresent());
            assertEquals(0, before.audio().rms());
            FrameWithAudio straddling = windower.attach(frame.withTimestamp(1_000_000));
            assertTrue(straddling.audioPresent());
            assertEquals(0, straddling.audio().sample(WINDOW / 2 - 10, 0), 1e-3, "before the audio starts");
            assertTrue(straddling.audio().sample(WINDOW / 2 + 100, 0) > 0.4, "after the audio starts");
            FrameWithAudio after = windower.attach(frame.withTimestamp(2_500_000));
            assertFalse(after.audioPresent());
            assertEquals(0, after.audio().rms());
        }
    }

    @Test
    void millisecondRoundedTimestampsStayContinuous() {
        // 1024-sample blocks at 44.1 kHz last 23.22 ms; a Matroska-style clock stamps them 0, 23, 46, 70 ms ...
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            for (int first = 0; first < 44_100; first += 1024) {
                float[] tone = new float[1024];
                for (int i = 0; i < tone.length; i++) {
                    tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * (first + i) / 44_100));
                }
                long roundedMillis = Math.round(first * 1_000.0 / 44_100);
                windower.push(AudioBlock.ofMono(tone, 44_100, roundedMillis * 1_000));
            }
            AudioBlock window = windower.windowFor(500_000);
            for (int i = 0; i < WINDOW; i++) {
                double t = 0.25 + i / 16_000.0;
                double expected = 0.5 * Math.sin(2 * Math.PI * 440 * t) * hann(i);
                assertEquals(expected, window.sample(i, 0), 0.01, "sample " + i);
            }
        }
    }

    @Test
    void timestampGapsBecomeSilence() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 0, 1_000_000);
            pushConstant(windower, 0.5f, 1_500_000, 2_500_000);
            AudioBlock window = windower.windowFor(1_250_000);
            // The window spans 1.0 s to 1.5 s: all gap, apart from the resampler's edge within a millisecond.
            for (int i = 32; i < WINDOW - 32; i++) {
                assertEquals(0, window.sample(i, 0), 1e-6, "sample " + i);
            }
            AudioBlock later = windower.windowFor(1_750_000);
            assertEquals(0.5 * hann(WINDOW / 2), later.sample(WINDOW / 2, 0), 1e-3);
        }
    }

    @Test
    void overlappingAudioKeepsWhatCameFirst() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 0, 1_000_000);
            pushConstant(windower, -0.5f, 500_000, 1_500_000);
            AudioBlock window = windower.windowFor(750_000);
            assertEquals(0.5 * hann(WINDOW / 2), window.sample(WINDOW / 2, 0), 1e-3);
            AudioBlock later = windower.windowFor(1_250_000);
            assertEquals(-0.5 * hann(WINDOW / 2), later.sample(WINDOW / 2, 0), 1e-3);
        }
    }

    @Test
    void inputFormatMayChangeMidStream() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 0, 1_000_000);
            for (long t = 1_000_000; t < 2_000_000; t += 10_000) {
                float[] mono = new float[441];
                Arrays.fill(mono, 0.5f);
                windower.push(AudioBlock.ofMono(mono, 44_100, t));
            }
            windower.end();
            AudioBlock window = windower.windowFor(1_000_000);
            for (int i = 100; i < WINDOW - 100; i += 50) {
                assertEquals(0.5 * hann(i), window.sample(i, 0), 0.01, "sample " + i);
            }
        }
    }

    @Test
    void forgetsAudioBeforeTheLastWindowAsked() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 0, 3_000_000);
            windower.windowFor(2_000_000);
            assertEquals(0, windower.windowFor(1_000_000).rms(), "frame times are expected to increase");
        }
    }

    @Test
    void keepsAtMostThirtySecondsOfAudio() {
        try (AudioWindower windower = new AudioWindower(REQUIREMENT)) {
            pushConstant(windower, 0.5f, 0, 40_000_000);
            assertEquals(0, windower.windowFor(5_000_000).rms());
            assertTrue(windower.windowFor(15_000_000).rms() > 0.1);
        }
    }

    @Test
    void refusesAudioAfterTheEndAndUseAfterClose() {
        AudioWindower windower = new AudioWindower(REQUIREMENT);
        windower.end();
        assertThrows(IllegalStateException.class, () -> windower.push(AudioBlock.silence(10, 16_000, 1, 0)));
        windower.close();
        windower.close();
        assertThrows(IllegalStateException.class, () -> windower.windowFor(0));
    }
}
