package io.fixate.spi.djl;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourJitterTest {

    @Test
    void brightnessScalesAndClamps() {
        float[][] rgb = {{0.5f, 0.9f}, {0.2f, 0f}, {1f, 0.4f}};
        ColourJitter.scale(rgb, 1.2f);
        assertArrayEquals(new float[] {0.6f, 1f}, rgb[0], 1e-6f);
        assertArrayEquals(new float[] {0.24f, 0f}, rgb[1], 1e-6f);
        assertArrayEquals(new float[] {1f, 0.48f}, rgb[2], 1e-6f);
    }

    @Test
    void contrastBlendsWithTheMeanGreyOfTheImage() {
        float[][] rgb = {{1f, 0f}, {1f, 0f}, {1f, 0f}}; // white and black: mean grey 0.5
        ColourJitter.blendWithMeanGrey(rgb, 0.7f);
        assertArrayEquals(new float[] {0.85f, 0.15f}, rgb[0], 1e-6f);
    }

    @Test
    void saturationZeroGivesEachPixelsGreyLevel() {
        float[][] rgb = {{1f}, {0f}, {0f}};
        ColourJitter.blendWithGrey(rgb, 0f);
        for (float[] plane : rgb) {
            assertEquals(0.299f, plane[0], 1e-6f);
        }
    }

    @Test
    void aThirdOfAHueTurnTakesRedToGreenAndKeepsGrey() {
        float[][] rgb = {{1f, 0.4f}, {0f, 0.4f}, {0f, 0.4f}};
        ColourJitter.rotateHue(rgb, 1f / 3);
        assertArrayEquals(new float[] {0f, 1f, 0f}, new float[] {rgb[0][0], rgb[1][0], rgb[2][0]}, 1e-5f);
        assertArrayEquals(new float[] {0.4f, 0.4f, 0.4f}, new float[] {rgb[0][1], rgb[1][1], rgb[2][1]});
    }

    @Test
    void aSmallHueShiftKeepsValueAndChroma() {
        float[][] rgb = {{0.8f}, {0.3f}, {0.1f}};
        ColourJitter.rotateHue(rgb, -0.05f);
        float max = Math.max(rgb[0][0], Math.max(rgb[1][0], rgb[2][0]));
        float min = Math.min(rgb[0][0], Math.min(rgb[1][0], rgb[2][0]));
        assertEquals(0.8f, max, 1e-6f);
        assertEquals(0.7f, max - min, 1e-6f);
    }

    @Test
    void jitteredValuesStayInTheUnitRange() {
        float[][] rgb = {{0f, 0.5f, 1f}, {1f, 0.5f, 0f}, {0.2f, 0.9f, 0.6f}};
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            ColourJitter.apply(rgb, random);
        }
        for (float[] plane : rgb) {
            for (float value : plane) {
                assertTrue(value >= 0 && value <= 1, "value " + value);
            }
        }
    }
}
