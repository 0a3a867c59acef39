package io.fixate.codec.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_display_matrix_flip;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.IntPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTest {

    /** A 3x2 picture whose pixels are numbered 1..6 in reading order (each pixel's R, G and B are its number). */
    private static final byte[] PICTURE = rgb(1, 2, 3, 4, 5, 6);

    private static byte[] rgb(int... pixels) {
        byte[] out = new byte[pixels.length * 3];
        for (int i = 0; i < pixels.length; i++) {
            out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = (byte) pixels[i];
        }
        return out;
    }

    private static byte[] turn(Orientation orientation) {
        ByteBuffer upright = ByteBuffer.allocate(PICTURE.length);
        orientation.upright(ByteBuffer.wrap(PICTURE), 3, 2, upright);
        assertEquals(PICTURE.length, upright.position(), "the buffer is past the picture");
        return upright.array();
    }

    @Test
    void eachOrientationMovesThePixelsWhereItSays() {
        // 1 2 3
        // 4 5 6
        assertArrayEquals(PICTURE, turn(Orientation.NONE));
        assertArrayEquals(rgb(4, 1, 5, 2, 6, 3), turn(Orientation.CLOCKWISE));
        assertArrayEquals(rgb(6, 5, 4, 3, 2, 1), turn(Orientation.HALF_TURN));
        assertArrayEquals(rgb(3, 6, 2, 5, 1, 4), turn(Orientation.COUNTER_CLOCKWISE));
        assertArrayEquals(rgb(3, 2, 1, 6, 5, 4), turn(Orientation.MIRROR));
        assertArrayEquals(rgb(4, 5, 6, 1, 2, 3), turn(Orientation.FLIP));
        assertArrayEquals(rgb(1, 4, 2, 5, 3, 6), turn(Orientation.TRANSPOSE));
        assertArrayEquals(rgb(6, 3, 5, 2, 4, 1), turn(Orientation.TRANSVERSE));
    }

    @Test
    void sidesTradePlacesOnQuarterTurns() {
        assertEquals(2, Orientation.CLOCKWISE.displayedWidth(3, 2));
        assertEquals(3, Orientation.TRANSPOSE.displayedHeight(3, 2));
        assertEquals(3, Orientation.HALF_TURN.displayedWidth(3, 2));
    }

    /**
     * The matrices muxers store (av_display_rotation_set, then av_display_matrix_flip for a mirror), read with the
     * rules of FFmpeg's command line: a matrix set to 90 degrees has the picture turned a quarter clockwise.
     */
    @ParameterizedTest
    @CsvSource({"0, false, NONE", "90, false, CLOCKWISE", "-90, false, COUNTER_CLOCKWISE", "180, false, HALF_TURN",
            "270, false, COUNTER_CLOCKWISE", "0, true, MIRROR", "90, true, TRANSPOSE", "-90, true, TRANSVERSE",
            "180, true, FLIP", "45, false, NONE"})
    void theDisplayMatrixIsReadAsFfmpegsCommandLineReadsIt(double degrees, boolean mirror, Orientation expected) {
        try (IntPointer matrix = new IntPointer(9)) {
            av_display_rotation_set(matrix, degrees);
            if (mirror) {
                av_display_matrix_flip(matrix, 1, 0);
            }
            assertEquals(expected, Orientation.ofDisplayMatrix(matrix));
        }
    }
}
