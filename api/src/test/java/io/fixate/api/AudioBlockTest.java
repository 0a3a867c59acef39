package io.fixate.api;

import org.junit.jupiter.api.Test;

import java.nio.ReadOnlyBufferException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioBlockTest {

    private static final float EPS = 1e-6f;

    @Test
    void interleavedSamplesAreIndexedByFrameAndChannel() {
        AudioBlock stereo = AudioBlock.ofInterleaved(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, 48_000, 2, 9);
        assertEquals(3, stereo.frameCount());
        assertEquals(0.4f, stereo.sample(1, 1));
        assertEquals(0.5f, stereo.sample(2, 0));
        assertEquals(9, stereo.timestampMicros());
        assertThrows(IndexOutOfBoundsException.class, () -> stereo.sample(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> stereo.sample(0, 2));
    }

    @Test
    void toMonoAveragesTheChannelsAndKeepsRateAndTime() {
        AudioBlock stereo = AudioBlock.ofInterleaved(new float[] {0.2f, 0.4f, -1f, 1f}, 44_100, 2, 123);
        AudioBlock mono = stereo.toMono();
        assertEquals(1, mono.channels());
        assertArrayEquals(new float[] {0.3f, 0f}, mono.copyInterleaved(), EPS);
        assertEquals(44_100, mono.sampleRate());
        assertEquals(123, mono.timestampMicros());
    }

    @Test
    void toMonoOfMonoIsTheSameBlock() {
        AudioBlock mono = AudioBlock.ofMono(new float[] {0.5f}, 16_000, 0);
        assertSame(mono, mono.toMono());
    }

    @Test
    void rmsIsTheRootMeanSquareOverAllSamples() {
        assertEquals(Math.sqrt(0.5), AudioBlock.ofMono(new float[] {0.6f, -0.8f}, 16_000, 0).rms(), 1e-6);
        assertEquals(1.0, AudioBlock.ofInterleaved(new float[] {1f, -1f, -1f, 1f}, 16_000, 2, 0).rms(), 1e-9);
        assertEquals(0.0, AudioBlock.silence(0, 16_000, 1, 0).rms());
    }

    @Test
    void durationAndSilence() {
        AudioBlock silence = AudioBlock.silence(8_000, 16_000, 2, -250_000);
        assertEquals(8_000, silence.frameCount());
        assertEquals(500_000, silence.durationMicros());
        assertEquals(0.0, silence.rms());
        assertEquals(-250_000, silence.timestampMicros());
    }

    @Test
    void samplesCannotBeChangedThroughTheInputOrTheAccessors() {
        float[] input = {0.25f, 0.5f};
        AudioBlock block = AudioBlock.ofMono(input, 16_000, 0);
        input[0] = 1f;
        block.copyInterleaved()[0] = 1f;

        assertEquals(0.25f, block.sample(0, 0));
        assertThrows(ReadOnlyBufferException.class, () -> block.interleaved().put(0, 1f));
    }

    @Test
    void rejectsInconsistentBlocks() {
        assertThrows(IllegalArgumentException.class, () -> AudioBlock.ofInterleaved(new float[3], 16_000, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> AudioBlock.ofMono(new float[1], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> AudioBlock.ofInterleaved(new float[2], 16_000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> AudioBlock.silence(-1, 16_000, 1, 0));
    }
}
