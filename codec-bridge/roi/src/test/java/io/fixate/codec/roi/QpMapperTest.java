package io.fixate.codec.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class QpMapperTest {

    private static final long FRAME = 40_000;
    private static final RoiSettings PLAIN =
            RoiSettings.defaults().withStrength(6).withSmoothingMillis(0).withZeroMean(false);

    /** A 32×18 map of a 640×360 frame, 0 everywhere but 1 in the cell rectangle [x0, x1) × [y0, y1). */
    static FixationMap spot(int x0, int y0, int x1, int y1, long timestamp) {
        return spot(32, 18, x0, y0, x1, y1, timestamp, 640, 360);
    }

    static FixationMap spot(int width, int height, int x0, int y0, int x1, int y1, long timestamp, int frameWidth,
                            int frameHeight) {
        float[] values = new float[width * height];
        for (int y = y0; y < y1; y++) {
            Arrays.fill(values, y * width + x0, y * width + x1, 1f);
        }
        return FixationMap.of(width, height, values, timestamp, frameWidth, frameHeight);
    }

    static FixationMap uniform(float value, long timestamp) {
        float[] values = new float[32 * 18];
        Arrays.fill(values, value);
        return FixationMap.of(32, 18, values, timestamp, 640, 360);
    }

    @Test
    void mapsAttentionMonotonicallyOntoTheStrengthRange() {
        QpMapper mapper = new QpMapper(RoiFormat.JSON, CodedPicture.upright(640, 360), PLAIN.withStrength(6));
        assertEquals(-6, mapper.next(uniform(1, 0)).value(3, 3), 1e-4);
        assertEquals(6, mapper.next(uniform(0, FRAME)).value(3, 3), 1e-4);
        assertEquals(0, mapper.next(uniform(0.5f, 2 * FRAME)).value(3, 3), 1e-4);
        assertEquals(-3, mapper.next(uniform(0.75f, 3 * FRAME)).value(0, 0), 1e-4);
    }

    @Test
    void spendsBitsWhereTheMapLooks() {
        // the hot cells cover pixels [200, 400) x [100, 200): blocks 12..24 x 6..12 of 16 px
        QpMapper mapper = new QpMapper(RoiFormat.X264, CodedPicture.upright(640, 360), RoiSettings.defaults());
        QpOffsets offsets = mapper.next(spot(10, 5, 20, 10, 0));
        assertEquals(40, offsets.columns());
        assertEquals(23, offsets.rows());
        float inside = offsets.value(18, 9);
        float outside = offsets.value(2, 20);
        assertTrue(inside < 0 && outside > 0, inside + " inside, " + outside + " outside");
        assertEquals(0, offsets.mean(), 1e-3, "the zero-mean budget keeps the frame's average QP");
    }

    @Test
    void zeroMeanHoldsWhenTheClampBites() {
        // a small spot and a strong mapping: the shift pushes the cold blocks past Kvazaar's +25
        RoiSettings strong = RoiSettings.defaults().withStrength(40).withSmoothingMillis(0).withBlockSize(16);
        QpMapper mapper = new QpMapper(RoiFormat.KVAZAAR, CodedPicture.upright(640, 360), strong);
        QpOffsets offsets = mapper.next(spot(14, 7, 17, 10, 0));
        for (float value : offsets.toArray()) {
            assertTrue(value >= -26 && value <= 25, "outside Kvazaar's range: " + value);
        }
        assertEquals(0, offsets.mean(), 1e-3);
    }

    @Test
    void clampsToTheFormatsRange() {
        QpMapper mapper = new QpMapper(RoiFormat.KVAZAAR, CodedPicture.upright(640, 360), PLAIN.withStrength(40));
        QpOffsets offsets = mapper.next(spot(0, 0, 16, 18, 0));
        assertEquals(-26, offsets.value(0, 0), 1e-6);
        assertEquals(25, offsets.value(offsets.columns() - 1, 0), 1e-6);
    }

    @Test
    void quantisesToAtMostTheLevelsAsked() {
        float[] ramp = new float[32 * 18];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (i % 32) / 31f;
        }
        FixationMap map = FixationMap.of(32, 18, ramp, 0, 640, 360);
        for (int levels : new int[] {2, 3, 5, 8}) {
            QpMapper mapper = new QpMapper(RoiFormat.JSON, CodedPicture.upright(640, 360), PLAIN.withLevels(levels));
            Set<Float> distinct = new TreeSet<>();
            for (float value : mapper.next(map).toArray()) {
                distinct.add(value);
            }
            assertEquals(levels, distinct.size(), "distinct offsets with " + levels + " levels: " + distinct);
        }
        QpMapper svt = new QpMapper(RoiFormat.SVT_AV1, CodedPicture.upright(640, 360), RoiSettings.defaults());
        assertTrue(Arrays.stream(box(svt.next(map).toArray())).distinct().count() <= RoiSettings.MAX_LEVELS,
                "SVT-AV1 gets at most 8 segments by default");
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    /** The map jumps between two spots every frame; smoothed offsets must move a fraction of the raw jump. */
    @Test
    void smoothingKeepsAnAlternatingMapFromFlickering() {
        double raw = largestStepOnAlternatingSpots(PLAIN);
        double smoothed = largestStepOnAlternatingSpots(PLAIN.withSmoothingMillis(200));
        assertEquals(12, raw, 1e-4, "without smoothing a block jumps across the whole range");
        assertTrue(smoothed < 0.25 * raw, "smoothed offsets moved " + smoothed + " QP in one frame");
    }

    private static double largestStepOnAlternatingSpots(RoiSettings settings) {
        QpMapper mapper = new QpMapper(RoiFormat.JSON, CodedPicture.upright(640, 360), settings);
        QpOffsets previous = null;
        double largest = 0;
        for (int frame = 0; frame < 50; frame++) {
            FixationMap map = frame % 2 == 0 ? spot(0, 0, 16, 18, frame * FRAME) : spot(16, 0, 32, 18, frame * FRAME);
            QpOffsets offsets = mapper.next(map);
            if (previous != null && frame > 25) { // after the average settled
                largest = Math.max(largest, offsets.largestChangeFrom(previous));
            }
            previous = offsets;
        }
        return largest;
    }

    /** With levels, values wobbling around a level boundary keep their level instead of toggling. */
    @Test
    void hysteresisHoldsLevelsThatWobbleAtABoundary() {
        RoiSettings settings = PLAIN.withLevels(3).withStrength(6); // levels -6, 0, 6: boundaries at -3 and 3
        QpMapper mapper = new QpMapper(RoiFormat.JSON, CodedPicture.upright(640, 360), settings);
        float first = mapper.next(uniform(0.74f, 0)).value(0, 0); // raw -2.88: level 0
        float second = mapper.next(uniform(0.76f, FRAME)).value(0, 0); // raw -3.12: within the quarter step
        float third = mapper.next(uniform(0.9f, 2 * FRAME)).value(0, 0); // raw -4.8: past it
        assertEquals(0, first, 1e-6);
        assertEquals(0, second, 1e-6);
        assertEquals(-6, third, 1e-6);
    }

    @Test
    void aTimestampThatGoesBackRestartsTheSmoothing() {
        QpMapper mapper = new QpMapper(RoiFormat.JSON, CodedPicture.upright(640, 360),
                PLAIN.withSmoothingMillis(1000));
        mapper.next(uniform(0, 5 * FRAME));
        assertEquals(-6, mapper.next(uniform(1, 0)).value(0, 0), 1e-4, "a seek starts afresh");
    }

    /** A phone clip stored 1920x1080 and shown turned 90° clockwise: the map is upright, the encoder's grid not. */
    @Test
    void undoesTheDisplayRotation() {
        // displayed 1080x1920: attention in the top fifth of the picture, across its width
        FixationMap upright = spot(10, 20, 0, 0, 10, 4, 0, 1080, 1920);
        CodedPicture stored = new CodedPicture(1920, 1080, 90, false);
        QpMapper mapper = new QpMapper(RoiFormat.SVT_AV1, stored, PLAIN.withLevels(2));
        QpOffsets offsets = mapper.next(upright);
        assertEquals(30, offsets.columns());
        assertEquals(17, offsets.rows());
        // turning the stored picture clockwise puts its left edge on top: the attended blocks are its left columns
        for (int row = 0; row < offsets.rows(); row++) {
            assertEquals(-6, offsets.value(0, row), 1e-4, "left column, row " + row);
            assertEquals(6, offsets.value(29, row), 1e-4, "right column, row " + row);
        }
        QpMapper mirrored = new QpMapper(RoiFormat.SVT_AV1, new CodedPicture(1920, 1080, 90, true),
                PLAIN.withLevels(2));
        assertEquals(-6, mirrored.next(upright).value(29, 8), 1e-4, "mirrored before turning: the right columns");
    }

    @Test
    void coversTheCodedSizeWithItsPadding() {
        FixationMap map = spot(16, 9, 0, 8, 16, 9, 0, 1920, 1080); // attention on the bottom row of cells
        assertEquals(68, new QpMapper(RoiFormat.X264, CodedPicture.upright(1920, 1080), PLAIN).rows());
        assertEquals(120, new QpMapper(RoiFormat.X264, CodedPicture.upright(1920, 1080), PLAIN).columns());
        QpMapper x265 = new QpMapper(RoiFormat.X265, CodedPicture.upright(1920, 1080), PLAIN.withBlockSize(8));
        assertEquals(135, x265.rows());
        QpMapper nvenc = new QpMapper(RoiFormat.NVENC, CodedPicture.upright(1920, 1080), PLAIN);
        QpOffsets offsets = nvenc.next(map);
        // the last macroblock row covers lines 1072..1087, eight of them padding that repeats the bottom edge
        assertEquals(-6, offsets.value(60, 67), 1e-4);
        QpMapper odd = new QpMapper(RoiFormat.X264, CodedPicture.upright(17, 9), PLAIN);
        assertEquals(2, odd.columns(), "17 columns are coded as 32");
    }

    @Test
    void poolingOrdersMaxAbovePercentileAboveMean() {
        // one hot cell of 20x20 px in the top-left 64x64 block
        FixationMap map = spot(0, 0, 1, 1, 0);
        double mean = attention(map, BlockPooling.mean());
        double p90 = attention(map, BlockPooling.percentile(90));
        double max = attention(map, BlockPooling.max());
        assertTrue(max > p90 && p90 > mean, "max " + max + ", p90 " + p90 + ", mean " + mean);
    }

    private static double attention(FixationMap map, BlockPooling pooling) {
        RoiSettings settings = PLAIN.withPooling(pooling).withBlockSize(64).withStrength(1);
        QpOffsets offsets = new QpMapper(RoiFormat.JSON, CodedPicture.upright(640, 360), settings).next(map);
        return (1 - offsets.value(0, 0)) / 2; // undo -(2s - 1)
    }

    @Test
    void refusesWhatTheFormatCannotTake() {
        CodedPicture picture = CodedPicture.upright(640, 360);
        InvalidOptionsException block = assertThrows(InvalidOptionsException.class,
                () -> new QpMapper(RoiFormat.SVT_AV1, picture, RoiSettings.defaults().withBlockSize(16)));
        assertTrue(block.getMessage().contains("svt-av1 takes blocks of 64"), block.getMessage());
        assertThrows(InvalidOptionsException.class, () -> RoiSettings.defaults().withLevels(9));
        assertThrows(InvalidOptionsException.class, () -> RoiSettings.defaults().withStrength(-1));
        assertThrows(InvalidOptionsException.class, () -> new CodedPicture(640, 360, 45, false));
        assertThrows(InvalidOptionsException.class, () -> BlockPooling.parse("median"));
        assertEquals(BlockPooling.percentile(90), BlockPooling.parse("p90"));
        assertEquals("p90", BlockPooling.percentile(90).toString());
        InvalidOptionsException format = assertThrows(InvalidOptionsException.class, () -> RoiFormat.of("h266"));
        assertTrue(format.getMessage().contains("svt-av1"), format.getMessage());
        QpMapper mapper = new QpMapper(RoiFormat.JSON, picture, RoiSettings.defaults());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> mapper.next(spot(10, 10, 0, 0, 1, 1, 0, 360, 640)));
        assertTrue(shape.getMessage().contains("360x640"), shape.getMessage());
    }
}
