package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.VideoFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeatmapOverlayTest {

    /** Three pixels: red-ish, mid gray, blue-ish. */
    private static final byte[] PIXELS = {(byte) 200, 40, 10, (byte) 128, (byte) 128, (byte) 128, 0, 60, (byte) 250};
    private static final VideoFrame FRAME = VideoFrame.ofRgb(3, 1, 0, PIXELS);
    /** Map values 0, 0.5 and 1 on the three pixels, one cell per pixel so no interpolation is involved. */
    private static final FixationMap MAP = FixationMap.of(3, 1, new float[] {0f, 0.5f, 1f}, 0, 3, 1);

    private static byte[] blend(ColorMap colors, double opacity) {
        return new HeatmapOverlay(new HeatmapStyle(colors, opacity)).blend(FRAME, MAP).copyRgb();
    }

    @Test
    void zeroOpacityKeepsTheFrame() {
        assertArrayEquals(PIXELS, blend(ColorMap.JET, 0));
    }

    @Test
    void fullOpacityReplacesFullyAttendedPixelsAndKeepsUnattendedOnes() {
        byte[] out = blend(ColorMap.GRAY, 1);
        // pixel 0: m = 0 keeps the frame; pixel 2: m = 1 shows colour(1) = white
        assertEquals(200, out[0] & 0xFF);
        assertEquals(40, out[1] & 0xFF);
        assertEquals(10, out[2] & 0xFF);
        assertEquals(255, out[6] & 0xFF);
        assertEquals(255, out[7] & 0xFF);
        assertEquals(255, out[8] & 0xFF);
    }

    @Test
    void halfAttendedPixelMixesFrameAndColourEqually() {
        byte[] out = blend(ColorMap.JET, 1);
        // JET(0.5) = (128, 255, 128); weight 1 * 0.5: 128 * 0.5 + colour * 0.5
        assertEquals(128, out[3] & 0xFF);
        assertEquals(Math.round(128 * 0.5 + 255 * 0.5), out[4] & 0xFF);
        assertEquals(128, out[5] & 0xFF);
    }

    @Test
    void opacityScalesTheColourWeight() {
        byte[] out = blend(ColorMap.GRAY, 0.5);
        // pixel 2, m = 1: weight 0.5 of white over (0, 60, 250)
        assertEquals(Math.round(0 * 0.5 + 255 * 0.5), out[6] & 0xFF);
        assertEquals(Math.round(60 * 0.5 + 255 * 0.5), out[7] & 0xFF);
        assertEquals(Math.round(250 * 0.5 + 255 * 0.5), out[8] & 0xFF);
    }

    @Test
    void coarseMapIsStretchedOverTheFrame() {
        VideoFrame black = VideoFrame.ofRgb(4, 2, 0, new byte[4 * 2 * 3]);
        FixationMap uniform = FixationMap.of(1, 1, new float[] {1f}, 0, 4, 2);
        byte[] out = new HeatmapOverlay(new HeatmapStyle(ColorMap.GRAY, 1)).blend(black, uniform).copyRgb();
        for (byte b : out) {
            assertEquals(255, b & 0xFF);
        }
    }

    @Test
    void theTableDrawnBlendIsWithinOneLevelOfTheExactRuleEverywhere() {
        Random random = new Random(3);
        int width = 160;
        int height = 90;
        byte[] pixels = new byte[width * height * 3];
        random.nextBytes(pixels);
        VideoFrame frame = VideoFrame.ofRgb(width, height, 0, pixels);
        float[] cells = new float[13 * 7];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = random.nextFloat();
        }
        FixationMap map = FixationMap.of(13, 7, cells, 0, width, height);
        float[] values = map.resized(width, height).toArray();
        for (ColorMap colors : ColorMap.values()) {
            HeatmapStyle style = new HeatmapStyle(colors, 0.8);
            byte[] out = new HeatmapOverlay(style).blend(frame, map).copyRgb();
            for (int index = 0; index < out.length; index++) {
                float m = values[index / 3];
                int tint = (colors.rgb(m) >> (16 - 8 * (index % 3))) & 0xFF;
                double weight = style.opacity() * m;
                long exact = Math.round((pixels[index] & 0xFF) * (1 - weight) + tint * weight);
                assertTrue(Math.abs(exact - (out[index] & 0xFF)) <= 1, colors + " byte " + index);
            }
        }
    }

    @Test
    void opacityOutsideTheUnitRangeIsRejected() {
        assertThrows(InvalidOptionsException.class, () -> new HeatmapStyle(ColorMap.JET, 1.5));
        assertThrows(InvalidOptionsException.class, () -> new HeatmapStyle(ColorMap.JET, -0.1));
        assertThrows(InvalidOptionsException.class, () -> new HeatmapStyle(ColorMap.JET, Double.NaN));
        assertEquals(new HeatmapStyle(ColorMap.JET, 0.5), HeatmapStyle.DEFAULT);
    }
}
