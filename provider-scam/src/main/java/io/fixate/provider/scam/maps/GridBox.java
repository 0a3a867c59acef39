package io.fixate.provider.scam.maps;

/**
 * An axis-aligned rectangle of whole cells on a grid of known size, bounds inclusive and 0-based: rows
 * {@code top..bottom}, columns {@code left..right} of a {@code gridWidth} × {@code gridHeight} grid. The grid is a map
 * grid or the pixel grid of a frame; {@link #rescaledTo} carries a box from one to the other.
 *
 * @param gridWidth  columns of the grid
 * @param gridHeight rows of the grid
 * @param top        first row
 * @param left       first column
 * @param bottom     last row
 * @param right      last column
 */
public record GridBox(int gridWidth, int gridHeight, int top, int left, int bottom, int right) {

    /** @throws IllegalArgumentException if the grid is empty or the box is empty or leaves the grid */
    public GridBox {
        CamMap.requirePositiveSize(gridWidth, gridHeight);
        if (top < 0 || top > bottom || bottom >= gridHeight || left < 0 || left > right || right >= gridWidth) {
            throw new IllegalArgumentException("box rows " + top + ".." + bottom + ", columns " + left + ".." + right
                    + " is empty or outside the " + gridWidth + "x" + gridHeight + " grid");
        }
    }

    /** The box covering a whole grid. */
    public static GridBox whole(int gridWidth, int gridHeight) {
        return new GridBox(gridWidth, gridHeight, 0, 0, gridHeight - 1, gridWidth - 1);
    }

    /** Columns inside the box. */
    public int width() {
        return right - left + 1;
    }

    /** Rows inside the box. */
    public int height() {
        return bottom - top + 1;
    }

    /**
     * The same region of the image on a grid of another size, each axis scaled on its own (the reference squashes
     * frames to a square grid too). Cell {@code i} covers {@code [i, i+1)} in grid units; the box's extent is scaled
     * and rounded outwards (first cell down, end up), so the result holds every target cell the box overlaps and the
     * salient region is never cut. Rescaling to the grid's own size returns an equal box.
     *
     * @throws IllegalArgumentException if a target dimension is not positive
     */
    public GridBox rescaledTo(int width, int height) {
        CamMap.requirePositiveSize(width, height);
        return new GridBox(width, height,
                floorScaled(top, height, gridHeight), floorScaled(left, width, gridWidth),
                ceilScaled(bottom + 1, height, gridHeight) - 1, ceilScaled(right + 1, width, gridWidth) - 1);
    }

    private static int floorScaled(int edge, int to, int from) {
        return (int) ((long) edge * to / from);
    }

    private static int ceilScaled(int edge, int to, int from) {
        return (int) (((long) edge * to + from - 1) / from);
    }
}
