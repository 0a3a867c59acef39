package io.fixate.api;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.ReadOnlyBufferException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixationMapTest {

    private static final float EPS = 1e-6f;

    /** 2×2 grid over a 20×20 frame: each cell covers 10×10 pixels. */
    private static FixationMap quadrants() {
        return FixationMap.of(2, 2, new float[] {0f, 0.4f, 0.8f, 1f}, 1_000, 20, 20);
    }

    @Nested
    class Construction {

        @Test
        void ofKeepsValuesMetadataAndCopiesItsInput() {
            float[] values = {0f, 0.5f, 1f};
            FixationMap map = FixationMap.of(3, 1, values, 42, 300, 100);
            values[1] = 0.9f;

            assertEquals(0.5f, map.value(1, 0));
            assertEquals(3, map.width());
            assertEquals(1, map.height());
            assertEquals(42, map.timestampMicros());
            assertEquals(300, map.frameWidth());
            assertEquals(100, map.frameHeight());
        }

        @Test
        void ofRejectsValuesOutsideTheUnitRangeAndNaN() {
            for (float bad : new float[] {-0.01f, 1.01f, Float.NaN, Float.POSITIVE_INFINITY}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> FixationMap.of(2, 1, new float[] {0.5f, bad}, 0, 2, 1));
                assertTrue(e.getMessage().contains("index 1"), e.getMessage());
            }
        }

        @Test
        void rejectsMismatchedSizes() {
            assertThrows(IllegalArgumentException.class, () -> FixationMap.of(2, 2, new float[3], 0, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> FixationMap.of(0, 1, new float[0], 0, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> FixationMap.of(1, 1, new float[1], 0, 0, 2));
        }

        @Test
        void ofScoresNormalisesMinToZeroAndMaxToOne() {
            FixationMap map = FixationMap.ofScores(4, 1, new float[] {2f, 4f, 6f, 10f}, 0, 4, 1);
            assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 1f}, map.toArray(), EPS);
        }

        @Test
        void ofScoresAcceptsNegativeScores() {
            FixationMap map = FixationMap.ofScores(3, 1, new float[] {-3f, -1f, 1f}, 0, 3, 1);
            assertArrayEquals(new float[] {0f, 0.5f, 1f}, map.toArray(), EPS);
        }

        @Test
        void ofScoresGivesAllZeroForConstantScores() {
            FixationMap map = FixationMap.ofScores(2, 2, new float[] {7f, 7f, 7f, 7f}, 0, 2, 2);
            assertArrayEquals(new float[4], map.toArray());
        }

        @Test
        void ofScoresStaysInRangeForScoresSpanningTheWholeFloatRange() {
            FixationMap map = FixationMap.ofScores(3, 1, new float[] {-Float.MAX_VALUE, 0f, Float.MAX_VALUE}, 0, 3, 1);
            assertArrayEquals(new float[] {0f, 0.5f, 1f}, map.toArray(), EPS);
        }

        @Test
        void ofScoresRejectsNonFiniteScores() {
            assertThrows(IllegalArgumentException.class,
                    () -> FixationMap.ofScores(2, 1, new float[] {1f, Float.NaN}, 0, 2, 1));
            assertThrows(IllegalArgumentException.class,
                    () -> FixationMap.ofScores(2, 1, new float[] {Float.NEGATIVE_INFINITY, 1f}, 0, 2, 1));
        }

        @Test
        void exposedValuesCannotChangeTheMap() {
            FixationMap map = quadrants();
            map.toArray()[0] = 1f;
            assertEquals(0f, map.value(0, 0));
            assertThrows(ReadOnlyBufferException.class, () -> map.values().put(0, 1f));
        }
    }

    @Nested
    class Interpolation {

        @Test
        void valueAtCellCentresIsTheCellValue() {
            FixationMap map = quadrants();
            assertEquals(0f, map.valueAt(0.25, 0.25), EPS);
            assertEquals(0.4f, map.valueAt(0.75, 0.25), EPS);
            assertEquals(0.8f, map.valueAt(0.25, 0.75), EPS);
            assertEquals(1f, map.valueAt(0.75, 0.75), EPS);
        }

        @Test
        void valueAtInterpolatesBilinearlyBetweenCentres() {
            FixationMap map = quadrants();
            // top row halfway: 0.2, bottom row halfway: 0.9, then halfway between rows
            assertEquals(0.55f, map.valueAt(0.5, 0.5), EPS);
            // a quarter of the way from the first to the second centre along the top row
            assertEquals(0.1f, map.valueAt(0.375, 0.25), EPS);
        }

        @Test
        void valueAtHoldsTheOutermostCentresUpToTheEdges() {
            FixationMap map = quadrants();
            assertEquals(0f, map.valueAt(0, 0), EPS);
            assertEquals(0.4f, map.valueAt(1, 0), EPS);
            assertEquals(0.8f, map.valueAt(0, 1), EPS);
            assertEquals(1f, map.valueAt(1, 1), EPS);
            assertEquals(0.2f, map.valueAt(0.5, 0.1), EPS);
        }

        @Test
        void valueAtOnASingleCellIsConstant() {
            FixationMap map = FixationMap.of(1, 1, new float[] {0.3f}, 0, 5, 5);
            assertEquals(0.3f, map.valueAt(0, 0), EPS);
            assertEquals(0.3f, map.valueAt(1, 1), EPS);
        }

        @Test
        void valueAtRejectsPositionsOutsideTheFrame() {
            FixationMap map = quadrants();
            assertThrows(IllegalArgumentException.class, () -> map.valueAt(-0.01, 0.5));
            assertThrows(IllegalArgumentException.class, () -> map.valueAt(0.5, 1.01));
            assertThrows(IllegalArgumentException.class, () -> map.valueAt(Double.NaN, 0.5));
        }

        @Test
        void resizedSamplesByTheSameRuleAndKeepsFrameMetadata() {
            FixationMap map = FixationMap.of(2, 1, new float[] {0f, 1f}, 7, 40, 10);
            FixationMap wider = map.resized(4, 1);
            // new centres at 0.125, 0.375, 0.625, 0.875 lie at grid positions -0.25 (held), 0.25, 0.75, 1.25 (held)
            assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, wider.toArray(), EPS);
            assertEquals(7, wider.timestampMicros());
            assertEquals(40, wider.frameWidth());
            assertEquals(10, wider.frameHeight());
        }

        @Test
        void everyResizedCellIsTheValueAtItsCentre() {
            float[] values = new float[7 * 5];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i * 37 % 11) / 10f;
            }
            FixationMap map = FixationMap.of(7, 5, values, 0, 70, 50);
            for (int[] size : new int[][] {{23, 11}, {3, 2}, {7, 13}}) {
                FixationMap resized = map.resized(size[0], size[1]);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        assertEquals(map.valueAt((x + 0.5) / size[0], (y + 0.5) / size[1]), resized.value(x, y),
                                "cell " + x + "," + y + " of " + size[0] + "x" + size[1]);
                    }
                }
            }
        }

        @Test
        void resizedToTheSameSizeIsTheSameMapAndRejectsEmptySizes() {
            FixationMap map = quadrants();
            assertSame(map, map.resized(2, 2));
            assertThrows(IllegalArgumentException.class, () -> map.resized(0, 2));
        }
    }

    @Nested
    class Fixations {

        @Test
        void peakIsTheCentreOfTheStrongestCellWithTiesToTheFirstInRasterOrder() {
            FixationMap map = FixationMap.of(3, 2, new float[] {0.1f, 0.9f, 0.2f, 0.9f, 0.3f, 0f}, 0, 30, 20);
            assertEquals(new FixationPoint(0.5, 0.25, 0.9f), map.peak());
        }

        @Test
        void peakOfAnAllZeroMapHasValueZero() {
            assertEquals(0f, FixationMap.of(2, 2, new float[4], 0, 2, 2).peak().value());
        }

        /** Maxima at pixel x = 50, 250, 450 of a 500-pixel-wide frame, with values 1.0, 0.8, 0.6. */
        private FixationMap threeMaxima() {
            return FixationMap.of(5, 1, new float[] {1f, 0f, 0.8f, 0f, 0.6f}, 0, 500, 100);
        }

        @Test
        void topFixationsAreTheLocalMaximaStrongestFirst() {
            List<FixationPoint> points = threeMaxima().topFixations(10, 0);
            assertEquals(List.of(new FixationPoint(0.1, 0.5, 1f), new FixationPoint(0.5, 0.5, 0.8f),
                    new FixationPoint(0.9, 0.5, 0.6f)), points);
        }

        @Test
        void topFixationsStopsAtK() {
            assertEquals(List.of(0.1, 0.5), xs(threeMaxima().topFixations(2, 0)));
            assertEquals(List.of(), threeMaxima().topFixations(0, 0));
        }

        @Test
        void topFixationsSuppressesMaximaCloserThanTheRadiusToAStrongerOne() {
            // radius 0.5 × 500 px = 250 px: the maximum 200 px from the strongest goes, the one 400 px away stays
            assertEquals(List.of(0.1, 0.9), xs(threeMaxima().topFixations(3, 0.5)));
            // radius 200 px: a distance of exactly 200 px is not closer, so nothing is suppressed
            assertEquals(List.of(0.1, 0.5, 0.9), xs(threeMaxima().topFixations(3, 0.4)));
        }

        @Test
        void topFixationsMeasuresTheRadiusAgainstTheLargerFrameSide() {
            // a tall frame: the same grid spacing is 2 × 100 px apart vertically, radius 0.4 × 500 = 200 px
            FixationMap tall = FixationMap.of(1, 5, new float[] {1f, 0f, 0.8f, 0f, 0.6f}, 0, 50, 500);
            assertEquals(3, tall.topFixations(3, 0.4).size());
            assertEquals(2, tall.topFixations(3, 0.41).size());
        }

        @Test
        void topFixationsIgnoresZeroCellsAndRejectsBadArguments() {
            FixationMap empty = FixationMap.of(3, 3, new float[9], 0, 3, 3);
            assertEquals(List.of(), empty.topFixations(5, 0));
            assertThrows(IllegalArgumentException.class, () -> threeMaxima().topFixations(-1, 0));
            assertThrows(IllegalArgumentException.class, () -> threeMaxima().topFixations(1, 1.5));
            assertThrows(IllegalArgumentException.class, () -> threeMaxima().topFixations(1, Double.NaN));
        }

        private List<Double> xs(List<FixationPoint> points) {
            return points.stream().map(FixationPoint::x).toList();
        }
    }

    @Nested
    class Blocks {

        @Test
        void meanPoolingWeightsCellsByOverlapAreaIncludingPartialEdgeBlocks() {
            // 16-pixel blocks on a 20×20 frame: a full block, then 4-pixel-wide partial blocks on the right and bottom
            BlockGrid grid = quadrants().blockGrid(16, Pooling.MEAN);
            assertEquals(2, grid.columns());
            assertEquals(2, grid.rows());
            // (0 × 100 + 0.4 × 60 + 0.8 × 60 + 1 × 36) / 256 pixels of the first block
            assertEquals(0.421875f, grid.value(0, 0), EPS);
            // (0.4 × 40 + 1 × 24) / 64 pixels: only the part inside the frame counts
            assertEquals(0.625f, grid.value(1, 0), EPS);
            assertEquals(0.875f, grid.value(0, 1), EPS);
            assertEquals(1f, grid.value(1, 1), EPS);
        }

        @Test
        void maxPoolingTakesTheStrongestOverlappedCell() {
            FixationMap strip = FixationMap.of(4, 1, new float[] {0.2f, 0.9f, 0.1f, 0.3f}, 0, 40, 10);
            assertArrayEquals(new float[] {0.9f, 0.3f}, strip.blockGrid(20, Pooling.MAX).toArray());
            assertArrayEquals(new float[] {0.55f, 0.2f}, strip.blockGrid(20, Pooling.MEAN).toArray(), EPS);
        }

        @Test
        void blocksFinerThanTheMapRepeatTheCellValue() {
            BlockGrid grid = quadrants().blockGrid(5, Pooling.MEAN);
            assertEquals(4, grid.columns());
            assertEquals(4, grid.rows());
            assertEquals(0.4f, grid.value(3, 0), EPS);
            assertEquals(0.8f, grid.value(1, 2), EPS);
            assertEquals(16, grid.toArray().length);
        }

        @Test
        void aBlockLargerThanTheFrameCoversItWhole() {
            BlockGrid grid = quadrants().blockGrid(Integer.MAX_VALUE, Pooling.MEAN);
            assertEquals(1, grid.columns());
            assertEquals(1, grid.rows());
            assertEquals(0.55f, grid.value(0, 0), EPS);
        }

        @Test
        void rejectsNonPositiveBlockSizes() {
            assertThrows(IllegalArgumentException.class, () -> quadrants().blockGrid(0, Pooling.MAX));
        }

        @Test
        void gridValuesAreIndexedAndCopiedSafely() {
            BlockGrid grid = quadrants().blockGrid(10, Pooling.MAX);
            grid.toArray()[0] = 1f;
            assertEquals(0f, grid.value(0, 0));
            assertEquals(10, grid.blockSize());
            assertThrows(ReadOnlyBufferException.class, () -> grid.values().put(0, 1f));
            assertThrows(IndexOutOfBoundsException.class, () -> grid.value(2, 0));
        }
    }
}
