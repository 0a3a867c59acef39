package io.fixate.api;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * A fixation map pooled onto the square pixel blocks an encoder works with (for example 16×16 macroblocks), in raster
 * order. Blocks on the right and bottom edges may be partial; they cover only the pixels inside the frame.
 */
public final class BlockGrid {

    private final int blockSize;
    private final int columns;
    private final int rows;
    private final float[] values;

    BlockGrid(int blockSize, int columns, int rows, float[] values) {
        this.blockSize = blockSize;
        this.columns = columns;
        this.rows = rows;
        this.values = values;
    }

    /** Side of a block in frame pixels. */
    public int blockSize() {
        return blockSize;
    }

    /** Blocks per row: {@code ceil(frameWidth / blockSize)}. */
    public int columns() {
        return columns;
    }

    /** Block rows: {@code ceil(frameHeight / blockSize)}. */
    public int rows() {
        return rows;
    }

    /** The pooled value of the block in column {@code column} and row {@code row}, in [0, 1]. */
    public float value(int column, int row) {
        Objects.checkIndex(column, columns);
        Objects.checkIndex(row, rows);
        return values[row * columns + column];
    }

    /** All block values in raster order, read-only. */
    public FloatBuffer values() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** A copy of the block values in raster order. */
    public float[] toArray() {
        return values.clone();
    }
}
