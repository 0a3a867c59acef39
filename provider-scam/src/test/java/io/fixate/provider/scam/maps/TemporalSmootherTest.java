package io.fixate.provider.scam.maps;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemporalSmootherTest {

    private static final float EPS = 1e-5f;

    @Test
    void eachFrameGetsOneMapInOrderAfterAFixedDelay() {
        // Maps [0, a, 1] are fixed points of Z, so the middle values follow the plain recursion of means:
        // 1: mean(.1..3) = .2; 2: mean(.1..4) = .25; 3: mean(.1..5) = .3, window [.1 .2 .3 .4 .3];
        // 4: [.2 .3 .4 .3 .6] → .36; 5: [.3 .4 .3 .36 .7] → .412;
        // 6, 7 (no look-ahead frame): [.4 .3 .36 .412] → .368; [.3 .36 .412 .368] → .36
        TemporalSmoother smoother = new TemporalSmoother(0);
        List<Integer> outputsPerPush = new ArrayList<>();
        List<CamMap> smoothed = new ArrayList<>();
        for (int k = 1; k <= 7; k++) {
            List<CamMap> out = smoother.push(ramp(0.1f * k));
            outputsPerPush.add(out.size());
            smoothed.addAll(out);
        }
        List<CamMap> rest = smoother.flush();
        smoothed.addAll(rest);

        assertEquals(List.of(0, 0, 1, 1, 1, 1, 1), outputsPerPush);
        assertEquals(TemporalSmoother.DELAY, rest.size());
        float[] expected = {0.2f, 0.25f, 0.3f, 0.36f, 0.412f, 0.368f, 0.36f};
        assertEquals(expected.length, smoothed.size());
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(new float[] {0, expected[k], 1}, smoothed.get(k).toArray(), EPS, "frame " + (k + 1));
        }
    }

    @Test
    void shortClipsStillGetOneMapPerFrame() {
        for (int frames = 1; frames <= 6; frames++) {
            TemporalSmoother smoother = new TemporalSmoother();
            int outputs = 0;
            for (int k = 0; k < frames; k++) {
                outputs += smoother.push(ramp(0.5f)).size();
            }
            outputs += smoother.flush().size();

            assertEquals(frames, outputs, frames + " frames");
        }
    }

    @Test
    void aFourFrameClipUsesTheShrunkenWindows() {
        // 1: mean(.1 .2 .3) = .2; 2 and 3: mean(.1 .2 .3 .4) = .25, window [.1 .2 .3 .25]; 4: [.2 .3 .25] → .25
        TemporalSmoother smoother = new TemporalSmoother(0);
        List<CamMap> smoothed = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            smoothed.addAll(smoother.push(ramp(0.1f * k)));
        }
        smoothed.addAll(smoother.flush());

        float[] expected = {0.2f, 0.25f, 0.25f, 0.25f};
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(new float[] {0, expected[k], 1}, smoothed.get(k).toArray(), EPS, "frame " + (k + 1));
        }
    }

    @Test
    void aConstantSequenceStaysConstantBeforeSuppression() {
        CamMap frame = CamMap.of(3, 1, new float[] {2, 4, 6});

        for (CamMap out : smoothAll(new TemporalSmoother(0), List.of(frame, frame, frame, frame, frame, frame, frame,
                frame, frame))) {
            assertArrayEquals(new float[] {0, 0.5f, 1}, out.toArray(), EPS);
        }
    }

    @Test
    void suppressionZeroesValuesBelowThreeTimesTheMean() {
        // mean 0.3, threshold 0.9: only the peak survives
        CamMap frame = CamMap.of(4, 1, new float[] {1, 0.2f, 0, 0});

        for (CamMap out : smoothAll(new TemporalSmoother(), List.of(frame, frame, frame, frame, frame, frame))) {
            assertArrayEquals(new float[] {1, 0, 0, 0}, out.toArray(), EPS);
        }
    }

    @Test
    void anIsolatedSpikeIsDamped() {
        // Cell 0 is hot in every frame but frame 9, where only cell 1 is. Frame 9 enters the window of frame 7 next
        // to four outputs with cell 0 at 1: mean (4/5, 1/5) → Z (1, 1/4); then it decays through the recursion.
        List<CamMap> frames = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            frames.add(k == 9 ? CamMap.of(3, 1, new float[] {0, 1, 0}) : CamMap.of(3, 1, new float[] {1, 0, 0}));
        }

        List<CamMap> smoothed = smoothAll(new TemporalSmoother(0), frames);

        assertEquals(12, smoothed.size());
        assertArrayEquals(new float[] {1, 0.25f, 0}, smoothed.get(6).toArray(), EPS);
        assertArrayEquals(new float[] {1, 0.06f, 0}, smoothed.get(8).toArray(), EPS);
        for (CamMap out : smoothed) {
            assertEquals(1f, out.value(0, 0), EPS);
            assertTrue(out.value(1, 0) <= 0.25f + EPS, "spike damped");
        }
    }

    @Test
    void flushReadiesTheSmootherForTheNextClip() {
        TemporalSmoother smoother = new TemporalSmoother(0);
        smoothAll(smoother, List.of(ramp(0.9f), ramp(0.9f), ramp(0.9f), ramp(0.9f)));

        List<CamMap> next = smoothAll(smoother, List.of(CamMap.of(2, 1, new float[] {3, 1})));

        assertEquals(List.of(CamMap.of(2, 1, new float[] {1, 0})), next);
        assertTrue(smoother.flush().isEmpty());
    }

    @Test
    void rejectsMapsOfAnotherSizeWithinAClipAndBadFactors() {
        TemporalSmoother smoother = new TemporalSmoother();
        smoother.push(ramp(0.5f));

        assertThrows(IllegalArgumentException.class, () -> smoother.push(CamMap.of(1, 3, new float[] {0, 1, 2})));
        assertThrows(IllegalArgumentException.class, () -> new TemporalSmoother(-1));
        assertThrows(IllegalArgumentException.class, () -> new TemporalSmoother(Double.NaN));
    }

    /** {@code [0, middle, 1]}: normalisation leaves it as it is. */
    private static CamMap ramp(float middle) {
        return CamMap.of(3, 1, new float[] {0, middle, 1});
    }

    private static List<CamMap> smoothAll(TemporalSmoother smoother, List<CamMap> clip) {
        List<CamMap> smoothed = new ArrayList<>();
        for (CamMap map : clip) {
            smoothed.addAll(smoother.push(map));
        }
        smoothed.addAll(smoother.flush());
        return smoothed;
    }
}
