package io.fixate.api;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where people are predicted to look in one frame, immutable: a grid of values in [0, 1] (1 = most attention),
 * stretched over the whole frame it describes. The grid may be coarser than the frame (a model's output resolution);
 * cell {@code (gx, gy)} covers the normalised frame area {@code [gx/w, (gx+1)/w) × [gy/h, (gy+1)/h)}.
 */
public final class FixationMap {

    private final int width;
    private final int height;
    private final float[] values;
    private final long timestampMicros;
    private final int frameWidth;
    private final int frameHeight;

    private FixationMap(int width, int height, float[] values, long timestampMicros, int frameWidth,
                        int frameHeight) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map dimensions must be positive, got " + width + "x" + height);
        }
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException(
                    "frame dimensions must be positive, got " + frameWidth + "x" + frameHeight);
        }
        if (values.length != width * height) {
            throw new IllegalArgumentException(
                    "a " + width + "x" + height + " map needs " + width * height + " values, got " + values.length);
        }
        this.width = width;
        this.height = height;
        this.values = values;
        this.timestampMicros = timestampMicros;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
    }

    /**
     * A map from values already in [0, 1] (row-major), which are copied.
     *
     * @throws IllegalArgumentException if a value is outside [0, 1] or not finite, or the sizes disagree
     */
    public static FixationMap of(int width, int height, float[] values, long timestampMicros, int frameWidth,
                                 int frameHeight) {
        float[] copy = Objects.requireNonNull(values, "values").clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] >= 0f && copy[i] <= 1f)) {
                throw new IllegalArgumentException("map value " + copy[i] + " at index " + i + " is outside [0, 1]");
            }
        }
        return new FixationMap(width, height, copy, timestampMicros, frameWidth, frameHeight);
    }

    /**
     * A map from arbitrary finite scores (row-major), min-max normalised to [0, 1]. A constant score carries no
     * information about where to look and gives an all-zero map.
     *
     * @throws IllegalArgumentException if a score is not finite
     */
    public static FixationMap ofScores(int width, int height, float[] scores, long timestampMicros, int frameWidth,
                                       int frameHeight) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + scores[i] + " at index " + i + " is not finite");
            }
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        float[] normalised = new float[scores.length];
        if (max > min) {
            // in double: the float range of two extreme finite scores overflows to infinity
            double range = (double) max - min;
            for (int i = 0; i < scores.length; i++) {
                normalised[i] = (float) ((scores[i] - (double) min) / range);
            }
        }
        return new FixationMap(width, height, normalised, timestampMicros, frameWidth, frameHeight);
    }

    /** Grid columns. */
    public int width() {
        return width;
    }

    /** Grid rows. */
    public int height() {
        return height;
    }

    /** Presentation time of the frame this map describes, in microseconds. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** Width in pixels of the frame this map describes. */
    public int frameWidth() {
        return frameWidth;
    }

    /** Height in pixels of the frame this map describes. */
    public int frameHeight() {
        return frameHeight;
    }

    /** Value of grid cell {@code (gx, gy)}. */
    public float value(int gx, int gy) {
        Objects.checkIndex(gx, width);
        Objects.checkIndex(gy, height);
        return values[gy * width + gx];
    }

    /** All values, row-major, read-only. */
    public FloatBuffer values() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** A copy of all values, row-major. */
    public float[] toArray() {
        return values.clone();
    }

    /**
     * The value at a normalised frame position, bilinearly interpolated between cell centres and held constant
     * beyond the outermost centres.
     *
     * @param x 0 = left edge, 1 = right edge
     * @param y 0 = top edge, 1 = bottom edge
     */
    public float valueAt(double x, double y) {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("normalised position (" + x + ", " + y + ") is outside [0, 1]");
        }
        return interpolate(Tap.at(x, width), Tap.at(y, height));
    }

    private float interpolate(Tap column, Tap row) {
        int upper = row.first() * width;
        int lower = row.second() * width;
        double top = values[upper + column.first()] * (1 - column.weight()) + values[upper + column.second()]
                * column.weight();
        double bottom = values[lower + column.first()] * (1 - column.weight()) + values[lower + column.second()]
                * column.weight();
        return (float) (top * (1 - row.weight()) + bottom * row.weight());
    }

    /**
     * Along one axis of {@code cells} cells, the two cells whose centres enclose a normalised position and the weight
     * of the second; held at the outermost centres.
     */
    private record Tap(int first, int second, double weight) {

        static Tap at(double position, int cells) {
            double cell = Math.max(0, Math.min(cells - 1, position * cells - 0.5));
            int first = (int) cell;
            return new Tap(first, Math.min(first + 1, cells - 1), cell - first);
        }

        /** The taps of the centres of {@code count} equal cells over the same axis. */
        static Tap[] ofCentres(int count, int cells) {
            Tap[] taps = new Tap[count];
            for (int i = 0; i < count; i++) {
                taps[i] = at((i + 0.5) / count, cells);
            }
            return taps;
        }
    }

    /**
     * The cell with the highest value, as the normalised centre of that cell. Ties go to the first cell in raster
     * order; on an all-zero map the returned value is 0, which callers should treat as "no fixation".
     */
    public FixationPoint peak() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return pointOf(best);
    }

    /**
     * Up to {@code k} fixation points, strongest first, chosen among the local maxima of the map with non-maximum
     * suppression: a maximum closer than {@code minDistance} to a stronger chosen one is dropped. Cells of value 0
     * are never fixations.
     *
     * @param k           how many points at most
     * @param minDistance suppression radius as a fraction of the frame's larger side, in [0, 1]
     */
    public List<FixationPoint> topFixations(int k, double minDistance) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, got " + k);
        }
        if (!(minDistance >= 0 && minDistance <= 1)) {
            throw new IllegalArgumentException("minDistance must be in [0, 1], got " + minDistance);
        }
        Integer[] maxima = localMaxima();
        Arrays.sort(maxima, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        double radius = minDistance * Math.max(frameWidth, frameHeight);
        List<FixationPoint> chosen = new ArrayList<>();
        for (int index : maxima) {
            if (chosen.size() == k) {
                break;
            }
            FixationPoint candidate = pointOf(index);
            boolean suppressed = chosen.stream().anyMatch(p -> pixelDistance(p, candidate) < radius);
            if (!suppressed) {
                chosen.add(candidate);
            }
        }
        return List.copyOf(chosen);
    }

    private Integer[] localMaxima() {
        List<Integer> maxima = new ArrayList<>();
        for (int gy = 0; gy < height; gy++) {
            for (int gx = 0; gx < width; gx++) {
                float v = values[gy * width + gx];
                if (v > 0 && isLocalMaximum(gx, gy, v)) {
                    maxima.add(gy * width + gx);
                }
            }
        }
        return maxima.toArray(new Integer[0]);
    }

    private boolean isLocalMaximum(int gx, int gy, float v) {
        for (int ny = Math.max(0, gy - 1); ny <= Math.min(height - 1, gy + 1); ny++) {
            for (int nx = Math.max(0, gx - 1); nx <= Math.min(width - 1, gx + 1); nx++) {
                if (values[ny * width + nx] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    private double pixelDistance(FixationPoint a, FixationPoint b) {
        return Math.hypot((a.x() - b.x()) * frameWidth, (a.y() - b.y()) * frameHeight);
    }

    private FixationPoint pointOf(int index) {
        int gx = index % width;
        int gy = index / width;
        return new FixationPoint((gx + 0.5) / width, (gy + 0.5) / height, values[index]);
    }

    /**
     * The map pooled onto square blocks of {@code blockSize} frame pixels, as encoders use for their quantiser maps.
     * The grid has {@code ceil(frameWidth / blockSize)} × {@code ceil(frameHeight / blockSize)} blocks; each block
     * pools the map cells it overlaps, weighted by overlap area for {@link Pooling#MEAN}.
     */
    public BlockGrid blockGrid(int blockSize, Pooling pooling) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        Objects.requireNonNull(pooling, "pooling");
        int columns = (frameWidth - 1) / blockSize + 1;
        int rows = (frameHeight - 1) / blockSize + 1;
        double cellW = (double) frameWidth / width;
        double cellH = (double) frameHeight / height;
        float[] pooled = new float[columns * rows];
        for (int row = 0; row < rows; row++) {
            double top = row * (double) blockSize;
            double bottom = Math.min(frameHeight, top + blockSize);
            for (int column = 0; column < columns; column++) {
                double left = column * (double) blockSize;
                double right = Math.min(frameWidth, left + blockSize);
                pooled[row * columns + column] =
                        pool(left / cellW, right / cellW, top / cellH, bottom / cellH, pooling);
            }
        }
        return new BlockGrid(blockSize, columns, rows, pooled);
    }

    /** Pools the cells overlapping the grid-space rectangle [gx0, gx1) × [gy0, gy1). */
    private float pool(double gx0, double gx1, double gy0, double gy1, Pooling pooling) {
        int firstX = (int) Math.floor(gx0);
        int lastX = Math.min(width - 1, (int) Math.ceil(gx1) - 1);
        int firstY = (int) Math.floor(gy0);
        int lastY = Math.min(height - 1, (int) Math.ceil(gy1) - 1);
        double weighted = 0;
        double area = 0;
        float max = 0;
        for (int gy = firstY; gy <= lastY; gy++) {
            double h = Math.min(gy + 1, gy1) - Math.max(gy, gy0);
            for (int gx = firstX; gx <= lastX; gx++) {
                double w = Math.min(gx + 1, gx1) - Math.max(gx, gx0);
                float v = values[gy * width + gx];
                weighted += v * w * h;
                area += w * h;
                max = Math.max(max, v);
            }
        }
        return pooling == Pooling.MAX ? max : (float) Math.min(1, weighted / area);
    }

    /**
     * This map resampled to a {@code newWidth} × {@code newHeight} grid by bilinear interpolation between cell
     * centres (the same rule as {@link #valueAt}), describing the same frame.
     */
    public FixationMap resized(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("map dimensions must be positive, got " + newWidth + "x" + newHeight);
        }
        float[] out = new float[newWidth * newHeight];
        resizedRows(newWidth, newHeight, (y, row) -> System.arraycopy(row, 0, out, y * newWidth, newWidth));
        return new FixationMap(newWidth, newHeight, out, timestampMicros, frameWidth, frameHeight);
    }

    /** Receives the rows of a resized map one by one; {@code row} is reused for the next row. */
    @FunctionalInterface
    public interface RowSink {
        void accept(int y, float[] row);
    }

    /**
     * The rows of {@link #resized resized(newWidth, newHeight)}, top to bottom, with the same values, without
     * building the whole grid: what draws a map over a large frame needs one row at a time (a 4K frame has 8 million
     * cells).
     */
    public void resizedRows(int newWidth, int newHeight, RowSink sink) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("map dimensions must be positive, got " + newWidth + "x" + newHeight);
        }
        // the taps of every column and row once, and each source row interpolated across once, not per cell
        Tap[] columns = Tap.ofCentres(newWidth, width);
        Tap[] rows = Tap.ofCentres(newHeight, height);
        double[][] across = new double[2][newWidth];
        int[] acrossRow = {-1, -1};
        float[] out = new float[newWidth];
        for (int y = 0; y < newHeight; y++) {
            Tap row = rows[y];
            double[] top = across(row.first(), columns, across, acrossRow);
            double[] bottom = across(row.second(), columns, across, acrossRow);
            for (int x = 0; x < newWidth; x++) {
                out[x] = (float) (top[x] * (1 - row.weight()) + bottom[x] * row.weight());
            }
            sink.accept(y, out);
        }
    }

    /**
     * Grid row {@code gy} interpolated across to the new columns, from a cache of the last two rows (rows are asked
     * for top to bottom, so each is computed once); the arithmetic of {@link #interpolate}.
     */
    private double[] across(int gy, Tap[] columns, double[][] cache, int[] cachedRow) {
        for (int slot = 0; slot < 2; slot++) {
            if (cachedRow[slot] == gy) {
                return cache[slot];
            }
        }
        // replace the slot holding the upper (older) row
        int slot = cachedRow[0] < cachedRow[1] ? 0 : 1;
        double[] values = cache[slot];
        int offset = gy * width;
        for (int x = 0; x < columns.length; x++) {
            Tap column = columns[x];
            values[x] = this.values[offset + column.first()] * (1 - column.weight())
                    + this.values[offset + column.second()] * column.weight();
        }
        cachedRow[slot] = gy;
        return values;
    }

    @Override
    public String toString() {
        return "FixationMap[" + width + "x" + height + " for " + frameWidth + "x" + frameHeight + " @"
                + timestampMicros + "us]";
    }
}
