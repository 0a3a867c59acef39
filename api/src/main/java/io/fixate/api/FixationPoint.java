package io.fixate.api;

/**
 * A point of attention on a frame.
 *
 * @param x     horizontal position in [0, 1], 0 = left edge, 1 = right edge of the frame
 * @param y     vertical position in [0, 1], 0 = top edge, 1 = bottom edge
 * @param value the map's value there, in [0, 1]
 */
public record FixationPoint(double x, double y, float value) {

    /** The horizontal position in pixels of a frame {@code frameWidth} wide. */
    public double pixelX(int frameWidth) {
        return x * frameWidth;
    }

    /** The vertical position in pixels of a frame {@code frameHeight} high. */
    public double pixelY(int frameHeight) {
        return y * frameHeight;
    }
}
