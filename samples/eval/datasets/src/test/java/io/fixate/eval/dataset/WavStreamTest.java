package io.fixate.eval.dataset;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 16-bit PCM WAV read back as timed float blocks. */
class WavStreamTest {

    @TempDir
    Path dir;

    @Test
    void blocksCarryTheSamplesAndTheirTimes() throws IOException {
        float[] ramp = new float[10_000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (i % 200 - 100) / 128f;
        }
        Path file = Fixtures.wav(dir.resolve("ramp.wav"), ramp);
        int read = 0;
        try (WavStream wav = WavStream.open(file)) {
            for (AudioBlock block; (block = wav.next()) != null; read += block.frameCount()) {
                assertEquals(Fixtures.SAMPLE_RATE, block.sampleRate());
                assertEquals(1, block.channels());
                assertEquals(Math.round(read * 1e6 / Fixtures.SAMPLE_RATE), block.timestampMicros());
                for (int i = 0; i < block.frameCount(); i++) {
                    assertEquals(ramp[read + i], block.sample(i, 0), 1.0 / Short.MAX_VALUE, "sample " + (read + i));
                }
            }
            assertNull(wav.next(), "the end stays the end");
        }
        assertEquals(ramp.length, read);
    }

    @Test
    void aFileThatIsNoWavIsCorruptNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("vid.wav"), "RIFF but not really");
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> WavStream.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
