package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColorMapTest {

    /** Rec. 709 luma of a packed colour, in 0..255. */
    private static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
    }

    @Test
    void jetRunsFromDarkBlueThroughCyanAndYellowToDarkRed() {
        assertEquals(0x000080, ColorMap.JET.rgb(0f));
        assertEquals(0x0080FF, ColorMap.JET.rgb(0.25f));
        assertEquals(0x80FF80, ColorMap.JET.rgb(0.5f));
        assertEquals(0xFF8000, ColorMap.JET.rgb(0.75f));
        assertEquals(0x800000, ColorMap.JET.rgb(1f));
        int cyan = ColorMap.JET.rgb(0.375f);
        assertEquals(0x00FFFF, cyan, Integer.toHexString(cyan));
        int yellow = ColorMap.JET.rgb(0.625f);
        assertEquals(0xFFFF00, yellow, Integer.toHexString(yellow));
    }

    @Test
    void infernoEndsAtItsPublishedColours() {
        assertEquals(0x000004, ColorMap.INFERNO.rgb(0f));
        assertEquals(0xBC3754, ColorMap.INFERNO.rgb(0.5f));
        assertEquals(0xFCFFA4, ColorMap.INFERNO.rgb(1f));
    }

    @Test
    void grayRunsFromBlackToWhite() {
        assertEquals(0x000000, ColorMap.GRAY.rgb(0f));
        assertEquals(0x808080, ColorMap.GRAY.rgb(0.5f));
        assertEquals(0xFFFFFF, ColorMap.GRAY.rgb(1f));
    }

    @ParameterizedTest
    @EnumSource(value = ColorMap.class, names = {"GRAY", "INFERNO"})
    void luminanceRisesWithTheValue(ColorMap map) {
        for (int tenth = 1; tenth <= 10; tenth++) {
            assertTrue(luminance(map.rgb(tenth / 10f)) > luminance(map.rgb((tenth - 1) / 10f)),
                    map + " darkens before " + tenth / 10f);
        }
        // Between those points only rounding each channel to a byte may dip, by less than one level.
        double previous = luminance(map.rgb(0f));
        for (int step = 1; step <= 1000; step++) {
            double current = luminance(map.rgb(step / 1000f));
            assertTrue(current > previous - 1, map + " darkens at " + step / 1000f);
            previous = current;
        }
        assertTrue(luminance(map.rgb(1f)) - luminance(map.rgb(0f)) > 200, "spans nearly the full range");
    }

    @ParameterizedTest
    @EnumSource(ColorMap.class)
    void valuesOutsideTheUnitRangeAreClamped(ColorMap map) {
        assertEquals(map.rgb(0f), map.rgb(-3f));
        assertEquals(map.rgb(0f), map.rgb(Float.NaN));
        assertEquals(map.rgb(1f), map.rgb(7f));
    }
}
