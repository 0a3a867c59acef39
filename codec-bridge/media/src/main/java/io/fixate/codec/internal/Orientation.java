package io.fixate.codec.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.IntPointer;

/**
 * How a stored picture is turned to be shown upright, as a video's display matrix asks (phone clips carry one):
 * the eight ways a rectangle maps onto itself, chosen from the matrix with the rules of FFmpeg's command line, which
 * autorotates by default. {@link #upright} applies it to packed RGB.
 */
public enum Orientation {
    /** Shown as stored. */
    NONE(0, false),
    /** Turned a quarter clockwise. */
    CLOCKWISE(90, false),
    /** Turned a half. */
    HALF_TURN(180, false),
    /** Turned a quarter counter-clockwise. */
    COUNTER_CLOCKWISE(270, false),
    /** Mirrored left to right. */
    MIRROR(0, true),
    /** Mirrored top to bottom (a half turn of a mirrored picture). */
    FLIP(180, true),
    /** Transposed: rows become columns (a quarter counter-clockwise of a mirrored picture). */
    TRANSPOSE(270, true),
    /** Anti-transposed (a quarter clockwise of a mirrored picture). */
    TRANSVERSE(90, true);

    private final int clockwiseDegrees;
    private final boolean mirrored;

    Orientation(int clockwiseDegrees, boolean mirrored) {
        this.clockwiseDegrees = clockwiseDegrees;
        this.mirrored = mirrored;
    }

    /**
     * The orientation a display matrix (nine 16.16/2.30 fixed-point values) asks for; {@code null} means none. Angles
     * that are not a multiple of 90 degrees are shown as stored, as they are rare and FFmpeg's own answer (rotating
     * within a larger frame, with black corners) would change the picture's size.
     */
    public static Orientation ofDisplayMatrix(IntPointer matrix) {
        if (matrix == null || matrix.isNull()) {
            return NONE;
        }
        double theta = -Math.round(av_display_rotation_get(matrix));
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        int scaleX = matrix.get(0);
        int shearY = matrix.get(3);
        int scaleY = matrix.get(4);
        if (Math.abs(theta - 90) < 1) {
            return shearY > 0 ? TRANSPOSE : CLOCKWISE;
        }
        if (Math.abs(theta - 180) < 1) {
            boolean mirrorX = scaleX < 0;
            boolean mirrorY = scaleY < 0;
            // A half turn is a mirror in both directions; the matrix names which of the two it applies.
            return mirrorX && mirrorY ? HALF_TURN : mirrorX ? MIRROR : mirrorY ? FLIP : NONE;
        }
        if (Math.abs(theta - 270) < 1) {
            return shearY < 0 ? TRANSVERSE : COUNTER_CLOCKWISE;
        }
        if (Math.abs(theta) < 1 && scaleY < 0) {
            return FLIP;
        }
        return NONE;
    }

    /** Degrees the picture is turned clockwise, after mirroring left to right if {@link #mirrored()}. */
    public int clockwiseDegrees() {
        return clockwiseDegrees;
    }

    /** Whether the picture is mirrored left to right before it is turned. */
    public boolean mirrored() {
        return mirrored;
    }

    /** Whether width and height trade places. */
    public boolean swapsSides() {
        return clockwiseDegrees % 180 != 0;
    }

    /** The displayed width of a picture stored {@code width} by {@code height}. */
    public int displayedWidth(int width, int height) {
        return swapsSides() ? height : width;
    }

    /** The displayed height of a picture stored {@code width} by {@code height}. */
    public int displayedHeight(int width, int height) {
        return swapsSides() ? width : height;
    }

    /**
     * Writes the upright picture of packed RGB {@code stored} ({@code width} by {@code height}, rows without padding,
     * from its position) into {@code upright} at its position.
     */
    public void upright(ByteBuffer stored, int width, int height, ByteBuffer upright) {
        if (this == NONE) {
            upright.put(stored.duplicate());
            return;
        }
        int from = stored.position();
        int to = upright.position();
        int outWidth = displayedWidth(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = mirrored ? width - 1 - x : x;
                int ox;
                int oy;
                switch (clockwiseDegrees) {
                    case 90 -> {
                        ox = height - 1 - y;
                        oy = mx;
                    }
                    case 180 -> {
                        ox = width - 1 - mx;
                        oy = height - 1 - y;
                    }
                    case 270 -> {
                        ox = y;
                        oy = width - 1 - mx;
                    }
                    default -> {
                        ox = mx;
                        oy = y;
                    }
                }
                int source = from + 3 * (y * width + x);
                int target = to + 3 * (oy * outWidth + ox);
                upright.put(target, stored.get(source));
                upright.put(target + 1, stored.get(source + 1));
                upright.put(target + 2, stored.get(source + 2));
            }
        }
        upright.position(to + 3 * width * height);
    }
}
