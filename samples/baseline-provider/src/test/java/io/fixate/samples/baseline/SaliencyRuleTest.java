package io.fixate.samples.baseline;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SaliencyRuleTest {

    private static final float EPS = 1e-6f;

    private static FrameWithAudio withRms(double rms, boolean present) {
        float[] samples = new float[AudioRequirement.DEFAULT.windowSamples()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (i % 2 == 0 ? rms : -rms);
        }
        VideoFrame frame = VideoFrame.ofRgb(1, 1, 0, new byte[3]);
        return new FrameWithAudio(frame, AudioBlock.ofMono(samples, 16_000, 0), present);
    }

    @Test
    void loudnessMapsMinusSixtyToMinusTenDbfsOntoTheUnitRange() {
        assertEquals(0.0, Loudness.of(withRms(0.0, true)));
        assertEquals(0.0, Loudness.of(withRms(1e-4, true)), 1e-9);   // -80 dBFS
        assertEquals(0.0, Loudness.of(withRms(1e-3, true)), 1e-6);   // -60 dBFS
        assertEquals(0.5, Loudness.of(withRms(Math.pow(10, -35 / 20.0), true)), 1e-6);
        assertEquals(1.0, Loudness.of(withRms(Math.pow(10, -10 / 20.0), true)), 1e-6);
        assertEquals(1.0, Loudness.of(withRms(1.0, true)));
        assertEquals(0.0, Loudness.of(withRms(1.0, false)), "audio marked absent is silence");
    }

    @Test
    void motionWeightGrowsWithLoudness() {
        assertEquals(0.3, SaliencyRule.motionWeight(0), 1e-12);
        assertEquals(0.9, SaliencyRule.motionWeight(0.5), 1e-12);
        assertEquals(1.5, SaliencyRule.motionWeight(1), 1e-12);
    }

    @Test
    void reducesTheFrameByBoxAveragingIntoOpponentChannels() {
        // 4×2 frame on a 2-cell grid: left cell = two red and two black pixels, right cell all white
        byte r = (byte) 255;
        byte[] rgb = {r, 0, 0, 0, 0, 0, r, r, r, r, r, r,
                0, 0, 0, r, 0, 0, r, r, r, r, r, r};
        OpponentPlanes planes = OpponentPlanes.of(VideoFrame.ofRgb(4, 2, 0, rgb), 2);
        assertEquals(2, planes.width());
        assertEquals(1, planes.height());
        assertEquals(0.5f * 0.299f, planes.luminance().get(0), EPS);
        assertEquals(1f, planes.luminance().get(1), EPS);
        assertEquals(0.5f, planes.redGreen().get(0), EPS);
        assertEquals(-0.25f, planes.blueYellow().get(0), EPS);
        assertEquals(0f, planes.blueYellow().get(1), EPS);
    }

    @Test
    void boxBlurAveragesOnlyCellsInsideThePlane() {
        ValueGrid line = new ValueGrid(4, 1, new float[] {4, 0, 0, 8});
        assertArrayEquals(new float[] {2, 4f / 3, 8f / 3, 4}, line.boxBlur(1).toArray(), EPS);
    }

    @Test
    void aStillSceneHasNoMotion() {
        OpponentPlanes planes = OpponentPlanes.of(new Canvas(20, 10, 90).square(2, 2, 5, 200).frame(0), 64);
        assertEquals(0f, SaliencyRule.motion(planes, planes, planes).max());
    }

    @Test
    void theCentreGaussianPeaksInTheMiddleAndIsSymmetric() {
        ValueGrid gaussian = SaliencyRule.centreGaussian(3, 3);
        assertEquals(1f, gaussian.get(4), EPS);
        // corner cell centre at (1/6, 1/6): exp(-(2 · (1/3)²) / (2 · 0.25²))
        assertEquals((float) Math.exp(-(2.0 / 9) / 0.125), gaussian.get(0), EPS);
        assertEquals(gaussian.get(0), gaussian.get(8), EPS);
    }
}
