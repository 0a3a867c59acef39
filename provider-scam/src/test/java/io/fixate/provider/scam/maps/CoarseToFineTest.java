package io.fixate.provider.scam.maps;

import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CoarseToFineTest {

    @Test
    void salientBoxBoundsTheCellsAboveTwiceTheMean() {
        // sum 4, mean 0.25, threshold 0.5 (all values exact in binary): 0.875, 0.625 and 1 pass, the 0.5 on the
        // threshold does not
        CamMap fused = CamMap.of(4, 4, new float[] {
                0.5f, 0, 0, 0,
                0, 0.875f, 0.25f, 0,
                0, 0, 0.125f, 0.625f,
                0, 0.375f, 0.25f, 1});

        assertEquals(new GridBox(4, 4, 1, 1, 3, 3), SalientRegion.box(fused));
    }

    @Test
    void aSingleHotCellGivesAOneCellBox() {
        CamMap fused = CamMap.of(3, 2, new float[] {0, 0, 0, 0, 1, 0});

        assertEquals(new GridBox(3, 2, 1, 1, 1, 1), SalientRegion.box(fused));
    }

    @Test
    void aMapWithoutSalientCellsGivesTheWholeGrid() {
        CamMap uniform = CamMap.of(3, 2, new float[] {1, 1, 1, 1, 1, 1});

        assertEquals(GridBox.whole(3, 2), SalientRegion.box(uniform));
    }

    @Test
    void boxesKnowTheirExtentAndStayOnTheirGrid() {
        GridBox box = new GridBox(10, 8, 2, 3, 4, 8);

        assertEquals(6, box.width());
        assertEquals(3, box.height());
        assertThrows(IllegalArgumentException.class, () -> new GridBox(10, 8, 2, 3, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new GridBox(10, 8, 4, 3, 2, 8));
        assertThrows(IllegalArgumentException.class, () -> new GridBox(10, 8, 0, -1, 2, 8));
    }

    @Test
    void rescalingRoundsTheBoxOutwards() {
        // rows 1..2 of 4 span [1, 3) → ×6/4 → [1.5, 4.5) → rows 1..4;
        // columns 0..0 span [0, 1) → ×10/4 → [0, 2.5) → columns 0..2
        GridBox box = new GridBox(4, 4, 1, 0, 2, 0);

        assertEquals(new GridBox(10, 6, 1, 0, 4, 2), box.rescaledTo(10, 6));
        assertEquals(box, box.rescaledTo(4, 4));
        assertEquals(GridBox.whole(360, 288), GridBox.whole(356, 356).rescaledTo(360, 288));
    }

    @Test
    void cropCopiesThePixelsInsideTheRescaledBox() {
        VideoFrame frame = coordinateFrame(6, 4);
        // columns 1..1 of 3 span pixel columns [2, 4), rows 1..1 of 2 span pixel rows [2, 4)
        GridBox box = new GridBox(3, 2, 1, 1, 1, 1);

        VideoFrame crop = FrameCrop.crop(frame, box);

        assertEquals(2, crop.width());
        assertEquals(2, crop.height());
        assertEquals(frame.timestampMicros(), crop.timestampMicros());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                assertEquals(x + 2, crop.channel(x, y, 0));
                assertEquals(y + 2, crop.channel(x, y, 1));
                assertEquals(7, crop.channel(x, y, 2));
            }
        }
    }

    @Test
    void aWholeBoxCropsTheWholeFrame() {
        VideoFrame frame = coordinateFrame(5, 3);

        assertArrayEquals(frame.copyRgb(), FrameCrop.crop(frame, GridBox.whole(16, 16)).copyRgb());
    }

    @Test
    void pasteBackPlacesTheFineCamAtTheBoxOnZeros() {
        CamMap fine = CamMap.of(2, 1, new float[] {0.4f, 0.8f});

        CamMap recovered = FineCamPaste.intoBox(fine, new GridBox(4, 3, 1, 2, 1, 3));

        assertArrayEquals(new float[] {
                0, 0, 0, 0,
                0, 0, 0.4f, 0.8f,
                0, 0, 0, 0}, recovered.toArray());
    }

    @Test
    void pasteBackResizesTheFineCamBilinearlyToTheBox() {
        // a 2×2 fine CAM into a 4×4 box: the doubled values of the resize test, framed by zeros
        CamMap fine = CamMap.of(2, 2, new float[] {0, 1, 2, 3});

        CamMap recovered = FineCamPaste.intoBox(fine, new GridBox(5, 5, 1, 0, 4, 3));

        assertArrayEquals(new float[] {
                0, 0, 0, 0, 0,
                0.0f, 0.25f, 0.75f, 1.0f, 0,
                0.5f, 0.75f, 1.25f, 1.5f, 0,
                1.5f, 1.75f, 2.25f, 2.5f, 0,
                2.0f, 2.25f, 2.75f, 3.0f, 0}, recovered.toArray(), 1e-6f);
    }

    /** Red = column, green = row, blue = 7, so a crop shows where each pixel came from. */
    private static VideoFrame coordinateFrame(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) x;
                rgb[i + 1] = (byte) y;
                rgb[i + 2] = 7;
            }
        }
        return VideoFrame.ofRgb(width, height, 40_000, rgb);
    }
}
