package io.fixate.provider.scam.maps;

/**
 * The region of interest of the coarse stage (reference {@code Coarse_Fine_crop}, fact sheet §4; paper §3.6): the
 * fused map is binarised at {@code F > 2·mean(F)} and the box is the minimum and maximum row and column of the true
 * cells, inclusive, on the map's grid.
 */
public final class SalientRegion {

    private SalientRegion() {
    }

    /**
     * The bounding box of the cells above twice the map's mean. When no cell passes — always for a constant map such
     * as an all-filtered fusion, whose mean equals its values — the box is the whole grid: with nothing singled out,
     * the fine stage sees the whole frame rather than an arbitrary part of it.
     */
    public static GridBox box(CamMap fused) {
        double threshold = 2 * fused.mean();
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < fused.height(); y++) {
            for (int x = 0; x < fused.width(); x++) {
                if (fused.at(y * fused.width() + x) > threshold) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return GridBox.whole(fused.width(), fused.height());
        }
        return new GridBox(fused.width(), fused.height(), top, left, bottom, right);
    }
}
