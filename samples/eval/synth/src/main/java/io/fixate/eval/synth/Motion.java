package io.fixate.eval.synth;

/**
 * Straight motion at constant velocity that bounces off the edges of a box, so an object never leaves the frame:
 * {@code position(t)} reflects {@code start + velocity * t} back into [min, max] on each axis. Zero velocity is a
 * still object.
 */
record Motion(double startX, double startY, double velocityX, double velocityY, double minX, double maxX,
              double minY, double maxY) {

    static Motion still(double x, double y) {
        return new Motion(x, y, 0, 0, x, x, y, y);
    }

    double x(double seconds) {
        return reflect(startX + velocityX * seconds, minX, maxX);
    }

    double y(double seconds) {
        return reflect(startY + velocityY * seconds, minY, maxY);
    }

    /** Speed in pixels per second. */
    double speed() {
        return Math.hypot(velocityX, velocityY);
    }

    private static double reflect(double value, double min, double max) {
        double span = max - min;
        if (span <= 0) {
            return min;
        }
        double folded = (value - min) % (2 * span);
        if (folded < 0) {
            folded += 2 * span;
        }
        return min + (folded <= span ? folded : 2 * span - folded);
    }
}
