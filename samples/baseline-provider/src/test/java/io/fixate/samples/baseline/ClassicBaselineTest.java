package io.fixate.samples.baseline;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicBaselineTest {

    private static final long FRAME_MICROS = 40_000;
    private static final int GREY = 100;

    private static List<FixationMap> predict(List<FrameWithAudio> clip) {
        try (FixationPredictor predictor = new ClassicBaselineProvider().open(ModelOptions.defaults())) {
            return predictor.predictClip(clip);
        }
    }

    private static FixationMap predictSingle(VideoFrame frame) {
        try (FixationPredictor predictor = new ClassicBaselineProvider().open(ModelOptions.defaults());
             PredictionSession session = predictor.openSession()) {
            assertEquals(List.of(), session.push(frame));
            List<FixationMap> maps = session.flush();
            assertEquals(1, maps.size());
            return maps.get(0);
        }
    }

    /** Asserts that the map's peak lies on the square, allowing one working-grid cell for the map's resolution. */
    private static void assertPeakOn(FixationMap map, int left, int top, int size) {
        FixationPoint peak = map.peak();
        double cellWidth = (double) map.frameWidth() / map.width();
        double cellHeight = (double) map.frameHeight() / map.height();
        double x = peak.pixelX(map.frameWidth());
        double y = peak.pixelY(map.frameHeight());
        assertTrue(x > left - cellWidth && x < left + size + cellWidth
                        && y > top - cellHeight && y < top + size + cellHeight,
                "peak at (" + x + ", " + y + ") is not on the square at (" + left + ", " + top + ") of size " + size);
    }

    @Test
    void aBrightSquareOnGreyDrawsTheEye() {
        FixationMap map = predictSingle(new Canvas(160, 90, GREY).square(110, 14, 16, 255).frame(0));
        assertPeakOn(map, 110, 14, 16);
        assertEquals(1f, map.peak().value());
        assertEquals(64, map.width());
        assertEquals(36, map.height());
    }

    @Test
    void aColouredSquareOfEqualLuminanceStillStandsOut() {
        // pure red at about the background's luminance: only the colour-opponent channels can find it
        int width = 120;
        byte[] rgb = new Canvas(width, 80, 76).frame(0).copyRgb();
        for (int y = 50; y < 62; y++) {
            for (int x = 20; x < 32; x++) {
                rgb[(y * width + x) * 3] = (byte) 255;
                rgb[(y * width + x) * 3 + 1] = 0;
                rgb[(y * width + x) * 3 + 2] = 0;
            }
        }
        assertPeakOn(predictSingle(VideoFrame.ofRgb(width, 80, 0, rgb)), 20, 50, 12);
    }

    /**
     * Two still white squares low left and right, and a dim square moving right along the top, 4 pixels a frame:
     * the still ones have far more contrast, the dim one has all the motion.
     */
    private static List<FrameWithAudio> movingAmongStill(Function<VideoFrame, FrameWithAudio> withAudio) {
        List<FrameWithAudio> clip = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            VideoFrame frame = new Canvas(160, 90, GREY).square(16, 60, 16, 255).square(128, 60, 16, 255)
                    .square(movingLeft(n), 10, 16, 160).frame(n * FRAME_MICROS);
            clip.add(withAudio.apply(frame));
        }
        return clip;
    }

    /** The frame with the fixture's 440 Hz tone at {@code amplitude} as its audio window, in the baseline's format. */
    private static FrameWithAudio withTone(VideoFrame frame, double amplitude) {
        return MovingSquareClip.clip().loudness(amplitude).withTone(frame, AudioRequirement.DEFAULT);
    }

    private static int movingLeft(int frameNumber) {
        return 84 + 4 * frameNumber;
    }

    @Test
    void whenTheSceneIsLoudTheMovingSquareWinsOverBrighterStillOnes() {
        List<FixationMap> maps = predict(movingAmongStill(frame -> withTone(frame, 0.7)));
        assertPeakOn(maps.get(2), movingLeft(2), 10, 16);
    }

    @Test
    void inSilenceContrastDominatesAndAStillBrightSquareWins() {
        List<FixationMap> maps = predict(movingAmongStill(frame -> FrameWithAudio.silent(frame,
                AudioRequirement.DEFAULT)));
        FixationPoint peak = maps.get(2).peak();
        assertTrue(peak.y() > 0.5, "peak " + peak + " should be on one of the low still squares");
    }

    @Test
    void aFeaturelessFrameGivesTheCentreBias() {
        FixationMap map = predictSingle(new Canvas(160, 90, GREY).frame(0));
        FixationPoint peak = map.peak();
        assertEquals(0.5, peak.x(), 1.0 / map.width());
        assertEquals(0.5, peak.y(), 1.0 / map.height());
        assertEquals(0f, map.value(0, 0), 1e-6f);
        assertEquals(map.value(0, 0), map.value(map.width() - 1, map.height() - 1), 1e-6f);
    }

    @Test
    void withoutCentreBiasAFeaturelessFrameHasNoFixation() {
        ModelOptions noBias = ModelOptions.builder().property("centre-bias", "0").build();
        try (FixationPredictor predictor = new ClassicBaselineProvider().open(noBias);
             PredictionSession session = predictor.openSession()) {
            session.push(new Canvas(40, 30, GREY).frame(0));
            assertEquals(0f, session.flush().get(0).peak().value());
        }
    }

    @Test
    void theGridPropertySetsTheMapResolution() {
        ModelOptions coarse = ModelOptions.builder().property("grid", "32").build();
        try (FixationPredictor predictor = new ClassicBaselineProvider().open(coarse);
             PredictionSession session = predictor.openSession()) {
            session.push(new Canvas(160, 90, GREY).frame(0));
            FixationMap map = session.flush().get(0);
            assertEquals(32, map.width());
            assertEquals(18, map.height());
        }
    }

    @Test
    void worksForTinyOddAndHugeFrames() {
        int[][] sizes = {{1, 1}, {7, 3}, {33, 17}, {65, 1}, {1, 300}, {4096, 2160}};
        for (int[] size : sizes) {
            FixationMap map = predictSingle(new Canvas(size[0], size[1], GREY).frame(80_000));
            assertEquals(size[0], map.frameWidth());
            assertEquals(size[1], map.frameHeight());
            assertEquals(80_000, map.timestampMicros());
            assertTrue(map.width() <= Math.min(64, size[0]) && map.height() <= Math.min(64, size[1]), map::toString);
        }
    }

    @Test
    void aSquareInAFourKFrameIsFound() {
        FixationMap map = predictSingle(new Canvas(4096, 2160, GREY).square(3000, 400, 300, 255).frame(0));
        assertPeakOn(map, 3000, 400, 300);
    }

    @Test
    void streamsOneMapPerFrameAfterOneFrameOfLookAhead() {
        try (FixationPredictor predictor = new ClassicBaselineProvider().open(ModelOptions.defaults());
             PredictionSession session = predictor.openSession()) {
            List<FrameWithAudio> clip = movingAmongStill(frame -> withTone(frame, 0.1));
            List<FixationMap> maps = new ArrayList<>(session.push(clip.get(0)));
            assertEquals(List.of(), maps, "the first frame waits for the second");
            for (FrameWithAudio input : clip.subList(1, clip.size())) {
                List<FixationMap> ready = session.push(input);
                assertEquals(1, ready.size());
                maps.addAll(ready);
            }
            maps.addAll(session.flush());
            assertEquals(List.of(0L, 40_000L, 80_000L, 120_000L, 160_000L),
                    maps.stream().map(FixationMap::timestampMicros).toList());
        }
    }
}
