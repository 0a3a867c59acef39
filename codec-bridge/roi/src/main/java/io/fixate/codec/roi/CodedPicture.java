package io.fixate.codec.roi;

import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;

/**
 * The picture as an encoder codes it, which is not always the picture a fixation map describes: maps describe the
 * displayed picture, while a phone clip is stored (and re-encoded without auto-rotation) sideways and shown turned.
 * The stored picture is first mirrored left to right (if {@code mirrored}), then turned {@code rotation} degrees
 * clockwise to be shown, as {@code io.fixate.codec.MediaInfo} reports it.
 *
 * @param width    stored picture width in pixels, before any alignment padding
 * @param height   stored picture height in pixels
 * @param rotation degrees the stored picture is turned clockwise to be displayed: 0, 90, 180 or 270
 * @param mirrored whether the stored picture is mirrored left to right before turning
 */
public record CodedPicture(int width, int height, int rotation, boolean mirrored) {

    public CodedPicture {
        if (width <= 0 || height <= 0) {
            throw new InvalidOptionsException("picture size must be positive, got " + width + "x" + height);
        }
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new InvalidOptionsException("rotation must be 0, 90, 180 or 270, got " + rotation);
        }
    }

    /** A picture shown as stored. */
    public static CodedPicture upright(int width, int height) {
        return new CodedPicture(width, height, 0, false);
    }

    /** Whether the displayed picture is {@code height} wide and {@code width} high. */
    public boolean sideways() {
        return rotation % 180 != 0;
    }

    /** Width of the displayed picture. */
    public int displayWidth() {
        return sideways() ? height : width;
    }

    /** Height of the displayed picture. */
    public int displayHeight() {
        return sideways() ? width : height;
    }

    /**
     * The map's value at stored pixel position ({@code x}, {@code y}); positions in the alignment padding beyond the
     * picture take the value of the nearest edge, as encoders pad by repeating it.
     */
    float attentionAt(FixationMap map, double x, double y) {
        double u = Math.min(1, Math.max(0, x / width));
        double v = Math.min(1, Math.max(0, y / height));
        if (mirrored) {
            u = 1 - u;
        }
        return switch (rotation) {
            case 90 -> map.valueAt(1 - v, u);
            case 180 -> map.valueAt(1 - u, 1 - v);
            case 270 -> map.valueAt(v, 1 - u);
            default -> map.valueAt(u, v);
        };
    }
}
