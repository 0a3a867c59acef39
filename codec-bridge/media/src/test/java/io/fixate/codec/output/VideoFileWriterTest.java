package io.fixate.codec.output;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain frames and sound written by {@link VideoFileWriter} read back through the codec bridge's own reader. */
class VideoFileWriterTest {

    private static final int WIDTH = 48;
    private static final int HEIGHT = 32;
    private static final int FRAMES = 20;

    @TempDir
    Path dir;

    /** Frame k is a flat grey of level 10 * k, so frames can be told apart after lossy coding. */
    private static VideoFrame greyFrame(int k) {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        Arrays.fill(rgb, (byte) (10 * k));
        return VideoFrame.ofRgb(WIDTH, HEIGHT, k * 40_000L, rgb);
    }

    @Test
    void framesAndSoundComeBackInOrder() throws IOException {
        Path target = dir.resolve("clip.mp4");
        try (VideoFileWriter writer = VideoFileWriter.open(target, WIDTH, HEIGHT, 25, 16_000, 1)) {
            float[] tone = new float[16_000 * FRAMES / 25];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 500 * i / 16_000.0));
            }
            writer.writeAudio(AudioBlock.ofMono(tone, 16_000, 0));
            for (int k = 0; k < FRAMES; k++) {
                writer.write(greyFrame(k));
            }
            assertFalse(Files.exists(target), "nothing appears at the target before close");
        }
        try (MediaReader reader = MediaReader.open(target, ReadOptions.of(AudioRequirement.DEFAULT))) {
            MediaInfo info = reader.info();
            assertEquals(WIDTH, info.width());
            assertTrue(info.hasAudio());
            int k = 0;
            for (FrameWithAudio f; (f = reader.read()) != null; k++) {
                assertEquals(k * 40_000L, f.frame().timestampMicros(), 1_000);
                assertEquals(10 * k, f.frame().channel(WIDTH / 2, HEIGHT / 2, 1), 3, "grey level of frame " + k);
                if (k > 5 && k < FRAMES - 5) {
                    assertTrue(f.audioPresent() && f.audio().rms() > 0.1, "tone under frame " + k);
                }
            }
            assertEquals(FRAMES, k);
        }
    }
}
