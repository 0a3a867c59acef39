package io.fixate.spi.djl;

import io.fixate.spi.djl.FrameFit.ContentRectangle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameFitTest {

    @Test
    void paddingKeepsTheAspectRatioCentredInTheSquare() {
        assertEquals(new ContentRectangle(0, 20, 160, 120), FrameFit.PAD.content(800, 600, 160), "4:3");
        assertEquals(new ContentRectangle(0, 35, 160, 90), FrameFit.PAD.content(1920, 1080, 160), "16:9");
        assertEquals(new ContentRectangle(20, 0, 120, 160), FrameFit.PAD.content(600, 800, 160), "portrait 3:4");
        assertEquals(new ContentRectangle(0, 0, 160, 160), FrameFit.PAD.content(720, 720, 160), "square");
    }

    @Test
    void squashingCoversTheWholeSquareWhateverTheFrame() {
        for (int[] frame : new int[][] {{800, 600}, {1920, 1080}, {600, 800}, {720, 720}}) {
            assertEquals(new ContentRectangle(0, 0, 128, 128), FrameFit.SQUASH.content(frame[0], frame[1], 128));
        }
    }

    /** Equal margins: the content's side takes the square's parity, so a left-right flip keeps it in place. */
    @Test
    void paddedMarginsAreEqualOnOppositeSidesEvenWhenTheExactSideIsFractional() {
        for (int size : new int[] {31, 32, 127, 160}) {
            for (int[] frame : new int[][] {{1920, 1080}, {97, 61}, {61, 97}, {2000, 300}}) {
                ContentRectangle content = FrameFit.PAD.content(frame[0], frame[1], size);
                assertEquals(size, 2 * content.left() + content.width(), "columns of " + frame[0] + " in " + size);
                assertEquals(size, 2 * content.top() + content.height(), "rows of " + frame[1] + " in " + size);
                double aspect = (double) frame[0] / frame[1];
                assertTrue(Math.abs(content.width() - Math.min(size, size * aspect)) <= 1
                        && Math.abs(content.height() - Math.min(size, size / aspect)) <= 1, content.toString());
            }
        }
    }

    @Test
    void contentPlacedIntoTheSquareIsCroppedBackAndTheRestIsBorder() {
        ContentRectangle content = new ContentRectangle(1, 2, 2, 1);
        float[] square = content.placed(new float[] {7, 8}, 4, 0.5f);

        assertArrayEquals(new float[] {
            0.5f, 0.5f, 0.5f, 0.5f,
            0.5f, 0.5f, 0.5f, 0.5f,
            0.5f, 7, 8, 0.5f,
            0.5f, 0.5f, 0.5f, 0.5f}, square);
        assertArrayEquals(new float[] {7, 8}, content.cropped(square, 4));
        assertThrows(IllegalArgumentException.class, () -> content.placed(new float[3], 4, 0));
        assertThrows(IllegalArgumentException.class, () -> content.cropped(square, 2));
    }

    @Test
    void fitsAreNamedInLowerCaseAndAnUnknownNameListsTheKnownOnes() {
        assertEquals(FrameFit.PAD, FrameFit.ofKey("pad"));
        assertEquals("squash", FrameFit.SQUASH.key());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> FrameFit.ofKey("crop"));
        assertTrue(unknown.getMessage().contains("'crop'") && unknown.getMessage().contains("squash, pad"),
                unknown.getMessage());
    }
}
