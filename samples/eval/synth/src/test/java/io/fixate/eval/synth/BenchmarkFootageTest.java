package io.fixate.eval.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** The bench commands' footage is the benchmark's own first clip, and repeats it seamlessly for long streams. */
class BenchmarkFootageTest {

    private static final BenchmarkSpec SPEC = BenchmarkSpec.TINY;

    @TempDir
    Path dir;

    @Test
    void framesAreTheBenchmarkClipsPicturesRepeatedAtIncreasingTimes() {
        BenchmarkFootage footage = BenchmarkFootage.firstClip(SPEC);
        ClipScene scene = ScenePlanner.plan(SPEC, 0, 0);
        FrameRenderer renderer = new FrameRenderer(scene);
        int frames = SPEC.frameCount();
        for (int i = 0; i < frames; i++) {
            VideoFrame expected = renderer.render(i, scene.snapshot(i));
            assertArrayEquals(expected.copyRgb(), footage.frame(i).copyRgb(), "frame " + i);
            assertEquals(expected.timestampMicros(), footage.frame(i).timestampMicros());
        }
        VideoFrame repeated = footage.frame(frames + 2);
        assertArrayEquals(footage.frame(2).copyRgb(), repeated.copyRgb());
        assertEquals(Math.round((frames + 2) * 1e6 / SPEC.frameRate()), repeated.timestampMicros());
    }

    @Test
    void soundWrapsAroundTheClipsEnd() {
        BenchmarkFootage footage = BenchmarkFootage.firstClip(SPEC);
        float[] whole = footage.sound(0, SPEC.clipSeconds() * SPEC.audioSampleRate()).copyInterleaved();
        float[] across = footage.sound(whole.length - 2L, 4).copyInterleaved();
        assertArrayEquals(new float[]{whole[whole.length - 2], whole[whole.length - 1], whole[0], whole[1]}, across);
        assertEquals(Math.round((whole.length - 2) * 1e6 / SPEC.audioSampleRate()),
                footage.sound(whole.length - 2L, 4).timestampMicros());
    }

    @Test
    void writtenClipHoldsEveryFrameAndTheSound() throws IOException {
        Path video = dir.resolve("footage.mp4");
        BenchmarkFootage.firstClip(SPEC).write(video);
        DecodedClip decoded = DecodedClip.read(video);
        assertEquals(SPEC.frameCount(), decoded.frameCount());
        assertEquals(SPEC.width(), decoded.info().width());
        assertTrue(decoded.rms(0.5, 1.0) > 0, "the clip has sound");
    }
}
