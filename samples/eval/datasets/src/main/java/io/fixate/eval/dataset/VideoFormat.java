package io.fixate.eval.dataset;

/**
 * The frames of one video: how many, how fast, how large.
 *
 * @param frameCount number of frames; for AVE videos an estimate from the declared duration and frame rate, as the
 *                   container does not list its frames without decoding them all
 * @param frameRate  frames per second
 * @param width      frame width in pixels
 * @param height     frame height in pixels
 */
public record VideoFormat(int frameCount, double frameRate, int width, int height) {

    public VideoFormat {
        if (frameCount < 0) {
            throw new IllegalArgumentException("frame count must not be negative, got " + frameCount);
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
    }

    /** Presentation time of frame {@code index} (0-based): {@code round(index * 1e6 / frameRate)} microseconds. */
    public long timestampMicros(int index) {
        return timestampMicros(index, frameRate);
    }

    /** Presentation time of frame {@code index} at {@code frameRate}, before the rest of the format is known. */
    static long timestampMicros(int index, double frameRate) {
        return Math.round(index * 1_000_000.0 / frameRate);
    }
}
