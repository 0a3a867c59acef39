package io.fixate.provider.scam.maps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftFilterTest {

    @Test
    void aWinningTagKeepsItsConfidence() {
        assertEquals(0.6f, SoftFilter.weight(new float[] {0.1f, 0.6f, 0.3f}, 1), 0);
    }

    @Test
    void aLosingTagWeighsNothing() {
        assertEquals(0, SoftFilter.weight(new float[] {0.1f, 0.6f, 0.3f}, 2));
    }

    @Test
    void aTieForTheTopIsNotAWin() {
        assertEquals(0, SoftFilter.weight(new float[] {0.4f, 0.4f, 0.2f}, 0));
        assertEquals(0, SoftFilter.weight(new float[] {0.4f, 0.4f, 0.2f}, 1));
    }

    @Test
    void aSingleClassAlwaysWins() {
        assertEquals(0.25f, SoftFilter.weight(new float[] {0.25f}, 0), 0);
    }

    @Test
    void rejectsTagsOutsideTheClassesAndNonProbabilities() {
        IllegalArgumentException tag =
                assertThrows(IllegalArgumentException.class, () -> SoftFilter.weight(new float[] {0.5f, 0.5f}, 2));
        assertTrue(tag.getMessage().contains("tag 2"), tag.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftFilter.weight(new float[] {0.5f}, -1));
        IllegalArgumentException logit =
                assertThrows(IllegalArgumentException.class, () -> SoftFilter.weight(new float[] {2.5f, -1f}, 0));
        assertTrue(logit.getMessage().contains("class 0"), logit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftFilter.weight(new float[] {Float.NaN, 0.5f}, 1));
    }

    @Test
    void weightedCamAppliesTheFilter() {
        CamMap cam = CamMap.of(1, 1, new float[] {1});

        assertEquals(0.7f, WeightedCam.filtered(cam, new float[] {0.7f, 0.3f}, 0).weight(), 0);
        assertEquals(0, WeightedCam.filtered(cam, new float[] {0.7f, 0.3f}, 1).weight());
        assertThrows(IllegalArgumentException.class, () -> new WeightedCam(cam, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new WeightedCam(cam, Double.POSITIVE_INFINITY));
    }
}
