package io.fixate.eval.synth;

import java.util.List;

/**
 * An opaque panel standing in front of the objects, in pixels of the frame: objects that pass behind it are hidden
 * where it covers them. Every screen looks the same, a plain grey board with a darker rim, unsaturated so that it does
 * not pass for an object of any category.
 *
 * @param left   first column it covers
 * @param top    first row it covers
 * @param width  columns it covers
 * @param height rows it covers
 */
record Screen(int left, int top, int width, int height) {

    static final Rgb BOARD = new Rgb(140, 136, 128);
    static final Rgb RIM = new Rgb(86, 82, 76);
    private static final int RIM_PIXELS = 2;

    /** The screen spanning the given bounds, cut to a frame of {@code frameWidth} × {@code frameHeight}. */
    static Screen within(int left, int top, int right, int bottom, int frameWidth, int frameHeight) {
        int l = Math.max(0, left);
        int t = Math.max(0, top);
        return new Screen(l, t, Math.min(frameWidth, right) - l, Math.min(frameHeight, bottom) - t);
    }

    boolean covers(int x, int y) {
        return x >= left && x < left + width && y >= top && y < top + height;
    }

    /** Paints the screen over a frame of floating-point RGB ({@code frameWidth} pixels per row). */
    void paintOver(float[] frame, int frameWidth) {
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                boolean rim = x - left < RIM_PIXELS || left + width - 1 - x < RIM_PIXELS
                        || y - top < RIM_PIXELS || top + height - 1 - y < RIM_PIXELS;
                Rgb colour = rim ? RIM : BOARD;
                int f = (y * frameWidth + x) * 3;
                for (int c = 0; c < 3; c++) {
                    frame[f + c] = colour.channel(c);
                }
            }
        }
    }

    /** The share of {@code sprite}'s silhouette (coverage-weighted) that none of {@code screens} hides, 0 to 1. */
    static double visibleShare(Sprite sprite, List<Screen> screens) {
        double total = 0;
        double visible = 0;
        for (int y = sprite.top(); y < sprite.top() + sprite.height(); y++) {
            for (int x = sprite.left(); x < sprite.left() + sprite.width(); x++) {
                float coverage = sprite.coverageAt(x, y);
                total += coverage;
                int px = x;
                int py = y;
                if (screens.stream().noneMatch(screen -> screen.covers(px, py))) {
                    visible += coverage;
                }
            }
        }
        return total > 0 ? visible / total : 0;
    }
}
