package io.fixate.provider.scam.maps;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FusionTest {

    private static final float EPS = 1e-6f;

    /** Z = [0, 0.5, 1]. */
    private static final CamMap SPATIAL = CamMap.of(3, 1, new float[] {0, 1, 2});
    /** Z = [1, 0.5, 0]. */
    private static final CamMap AUDIO = CamMap.of(3, 1, new float[] {4, 2, 0});
    /** Z = [0, 0, 1]. */
    private static final CamMap TEMPORAL = CamMap.of(3, 1, new float[] {5, 5, 7});

    @Test
    void selectiveFusionWeighsNormalisedSourcesByConfidence() {
        // 0.6·[0, .5, 1] + 0.2·[1, .5, 0] + 0.2·[0, 0, 1] = [.2, .4, .8] → Z = [0, 1/3, 1]
        CamMap fused = new SelectiveFusion().fuse(List.of(
                new WeightedCam(SPATIAL, 0.6), new WeightedCam(AUDIO, 0.2), new WeightedCam(TEMPORAL, 0.2)));

        assertArrayEquals(new float[] {0, 1 / 3f, 1}, fused.toArray(), EPS);
    }

    @Test
    void confidenceDecidesWhichSourceDominates() {
        // 0.2·[0, .5, 1] + 0.6·[1, .5, 0] = [.6, .4, .2] → Z = [1, .5, 0]
        CamMap fused = new SelectiveFusion().fuse(List.of(new WeightedCam(SPATIAL, 0.2), new WeightedCam(AUDIO, 0.6)));

        assertArrayEquals(new float[] {1, 0.5f, 0}, fused.toArray(), EPS);
    }

    @Test
    void aFilteredSourceIsExcluded() {
        SelectiveFusion fusion = new SelectiveFusion();
        CamMap without = fusion.fuse(List.of(new WeightedCam(SPATIAL, 0.5), new WeightedCam(TEMPORAL, 0.3)));
        CamMap with = fusion.fuse(List.of(
                new WeightedCam(SPATIAL, 0.5), new WeightedCam(AUDIO, 0), new WeightedCam(TEMPORAL, 0.3)));

        assertEquals(without, with);
    }

    @Test
    void allSourcesFilteredGiveAUniformMapOfOnes() {
        CamMap fused = new SelectiveFusion().fuse(List.of(new WeightedCam(SPATIAL, 0), new WeightedCam(AUDIO, 0)));

        assertArrayEquals(new float[] {1, 1, 1}, fused.toArray());
        assertTrue(fused.isConstant());
    }

    @Test
    void lambdaOnlyGuardsTheDivision() {
        List<WeightedCam> sources = List.of(new WeightedCam(SPATIAL, 0.6), new WeightedCam(AUDIO, 0.2));

        assertArrayEquals(new SelectiveFusion().fuse(sources).toArray(),
                new SelectiveFusion(0.5).fuse(sources).toArray(), EPS);
        assertThrows(IllegalArgumentException.class, () -> new SelectiveFusion(0));
        assertThrows(IllegalArgumentException.class, () -> new SelectiveFusion(Double.NaN));
    }

    @Test
    void selectiveFusionRejectsNoSourcesAndMixedSizes() {
        SelectiveFusion fusion = new SelectiveFusion();
        CamMap other = CamMap.of(1, 3, new float[] {0, 1, 2});

        assertThrows(IllegalArgumentException.class, () -> fusion.fuse(List.of()));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> fusion.fuse(List.of(new WeightedCam(SPATIAL, 0.5), new WeightedCam(other, 0))));
        assertTrue(mixed.getMessage().contains("1x3"), mixed.getMessage());
    }

    @Test
    void averageFusionCountsEverySourceEqually() {
        // mean([0, .5, 1], [1, .5, 0], [0, 0, 1]) = [1/3, 1/3, 2/3] → Z = [0, 0, 1]
        CamMap fused = AverageFusion.fuse(List.of(SPATIAL, AUDIO, TEMPORAL));

        assertArrayEquals(new float[] {0, 0, 1}, fused.toArray(), EPS);
        assertThrows(IllegalArgumentException.class, () -> AverageFusion.fuse(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> AverageFusion.fuse(List.of(SPATIAL, CamMap.of(1, 1, new float[] {0}))));
    }
}
