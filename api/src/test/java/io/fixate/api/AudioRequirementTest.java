package io.fixate.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioRequirementTest {

    @Test
    void windowSamplesRoundsToTheNearestSampleAndIsAtLeastOne() {
        assertEquals(8_000, AudioRequirement.DEFAULT.windowSamples());
        assertEquals(44, new AudioRequirement(44_100, 1_000).windowSamples());
        assertEquals(45, new AudioRequirement(44_100, 1_015).windowSamples());
        assertEquals(1, new AudioRequirement(8_000, 1).windowSamples());
    }

    @Test
    void windowsAreHannWeightedUnlessRawSamplesAreAskedFor() {
        assertTrue(AudioRequirement.DEFAULT.hannWeighted());
        AudioRequirement yamnet = AudioRequirement.rawSamples(16_000, 975_000);
        assertFalse(yamnet.hannWeighted());
        assertEquals(15_600, yamnet.windowSamples());
    }

    @Test
    void rejectsNonPositiveRatesAndWindows() {
        assertThrows(IllegalArgumentException.class, () -> new AudioRequirement(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new AudioRequirement(16_000, 0));
    }

    @Test
    void aSilentFrameGetsAWindowOfSilenceCentredOnIt() {
        VideoFrame frame = VideoFrame.ofRgb(1, 1, 1_000_000, new byte[3]);
        FrameWithAudio silent = FrameWithAudio.silent(frame, AudioRequirement.DEFAULT);

        assertFalse(silent.audioPresent());
        assertEquals(8_000, silent.audio().frameCount());
        assertEquals(16_000, silent.audio().sampleRate());
        assertEquals(1, silent.audio().channels());
        assertEquals(750_000, silent.audio().timestampMicros());
        assertEquals(0.0, silent.audio().rms());
    }
}
