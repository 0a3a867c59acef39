package io.fixate.eval.metrics;

import io.fixate.api.FixationMap;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable 2-D map of doubles, row-major, as the metrics read them: a prediction, a ground-truth density or a
 * fixation map of any size. Values are finite, or NaN for a map that could not be normalised (STAViS post-processing
 * of an all-zero prediction); every metric scores a prediction containing NaN as NaN.
 */
public final class Grid {

    private final int height;
    private final int width;
    private final double[] values;

    private Grid(int height, int width, double[] values) {
        this.height = height;
        this.width = width;
        this.values = values;
    }

    /**
     * A map from row-major values, which are copied.
     *
     * @throws IllegalArgumentException if a dimension is not positive, the sizes disagree or a value is infinite
     */
    public static Grid of(int height, int width, double[] rowMajor) {
        return checked(height, width, Objects.requireNonNull(rowMajor, "rowMajor").clone());
    }

    /**
     * A map from row-major float values, widened to double.
     *
     * @throws IllegalArgumentException if a dimension is not positive, the sizes disagree or a value is infinite
     */
    public static Grid of(int height, int width, float[] rowMajor) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        double[] widened = new double[rowMajor.length];
        for (int i = 0; i < rowMajor.length; i++) {
            widened[i] = rowMajor[i];
        }
        return checked(height, width, widened);
    }

    /**
     * A map from rows of equal length, {@code rows[y][x]}.
     *
     * @throws IllegalArgumentException if there are no rows, the rows differ in length or a value is infinite
     */
    public static Grid of(double[]... rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a map needs at least one row");
        }
        int width = rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length != width) {
                throw new IllegalArgumentException(
                        "row " + y + " has " + rows[y].length + " values, row 0 has " + width);
            }
            System.arraycopy(rows[y], 0, flat, y * width, width);
        }
        return checked(rows.length, width, flat);
    }

    /** The values of a predicted fixation map, one per grid cell, at the map's own resolution. */
    public static Grid from(FixationMap map) {
        return of(map.height(), map.width(), map.toArray());
    }

    /** Wraps an array the caller hands over and never touches again. */
    static Grid wrap(int height, int width, double[] rowMajor) {
        return checked(height, width, rowMajor);
    }

    private static Grid checked(int height, int width, double[] values) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("map dimensions must be positive, got " + height + "x" + width);
        }
        if (values.length != (long) height * width) {
            throw new IllegalArgumentException(
                    "a " + height + "x" + width + " map needs " + (long) height * width + " values, got "
                            + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " is infinite");
            }
        }
        return new Grid(height, width, values);
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** Number of values, {@code height * width}. */
    public int size() {
        return values.length;
    }

    /** The value in row {@code y}, column {@code x}. */
    public double get(int y, int x) {
        Objects.checkIndex(y, height);
        Objects.checkIndex(x, width);
        return values[y * width + x];
    }

    /** A copy of all values, row-major. */
    public double[] toArray() {
        return values.clone();
    }

    /** Whether {@code other} has the same height and width. */
    public boolean sameShape(Grid other) {
        return height == other.height && width == other.width;
    }

    /** The backing array, row-major; callers in this package never write to it. */
    double[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid other && sameShape(other) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Grid[" + height + "x" + width + "]";
    }
}
