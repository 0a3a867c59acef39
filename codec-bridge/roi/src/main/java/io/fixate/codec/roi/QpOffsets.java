package io.fixate.codec.roi;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One frame's QP offsets, one per encoder block of the coded picture in raster order, in QP steps of H.264/HEVC:
 * negative spends more bits (finer quantiser), positive fewer. The grid covers the coded picture with its alignment
 * padding: {@code columns × blockSize} may exceed the picture's width.
 */
public final class QpOffsets {

    private final long frameIndex;
    private final long timestampMicros;
    private final CodedPicture picture;
    private final int blockSize;
    private final int columns;
    private final int rows;
    private final float[] offsets;

    QpOffsets(long frameIndex, long timestampMicros, CodedPicture picture, int blockSize, int columns, int rows,
              float[] offsets) {
        this.frameIndex = frameIndex;
        this.timestampMicros = timestampMicros;
        this.picture = picture;
        this.blockSize = blockSize;
        this.columns = columns;
        this.rows = rows;
        this.offsets = offsets;
    }

    /** Position of the frame in the sequence given to the mapper, from 0: the encoder's picture number. */
    public long frameIndex() {
        return frameIndex;
    }

    /** The presentation time of the map this frame came from. */
    public long timestampMicros() {
        return timestampMicros;
    }

    public CodedPicture picture() {
        return picture;
    }

    public int blockSize() {
        return blockSize;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** The offset of the block in column {@code column} and row {@code row}. */
    public float value(int column, int row) {
        Objects.checkIndex(column, columns);
        Objects.checkIndex(row, rows);
        return offsets[row * columns + column];
    }

    /**
     * All offsets in raster order, read-only: what x264's {@code quant_offsets} and x265's {@code quantOffsets} take.
     */
    public FloatBuffer values() {
        return FloatBuffer.wrap(offsets).asReadOnlyBuffer();
    }

    /** A copy of the offsets in raster order. */
    public float[] toArray() {
        return offsets.clone();
    }

    /** The mean offset over the blocks. */
    public double mean() {
        double sum = 0;
        for (float offset : offsets) {
            sum += offset;
        }
        return sum / offsets.length;
    }

    /**
     * The offsets as rectangles of equal value, most bits first (most negative offset, then larger area): blocks with
     * offset 0 are left out, and runs of equal blocks are merged, so quantised offsets give few rectangles. Rectangles
     * are in pixels of the stored picture, clipped to it, and do not overlap.
     */
    public List<RoiRegion> regions() {
        boolean[] taken = new boolean[offsets.length];
        List<RoiRegion> regions = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int index = row * columns + column;
                float offset = offsets[index];
                if (taken[index] || offset == 0) {
                    continue;
                }
                int end = column + 1;
                while (end < columns && !taken[row * columns + end] && offsets[row * columns + end] == offset) {
                    end++;
                }
                int bottom = row + 1;
                while (bottom < rows && runMatches(taken, bottom, column, end, offset)) {
                    bottom++;
                }
                for (int r = row; r < bottom; r++) {
                    Arrays.fill(taken, r * columns + column, r * columns + end, true);
                }
                regions.add(new RoiRegion(column * blockSize, row * blockSize,
                        Math.min(picture.width(), end * blockSize), Math.min(picture.height(), bottom * blockSize),
                        offset));
            }
        }
        regions.removeIf(region -> region.left() >= region.right() || region.top() >= region.bottom());
        regions.sort(Comparator.comparingDouble(RoiRegion::qp)
                .thenComparing(Comparator.comparingLong(RoiRegion::area).reversed()));
        return regions;
    }

    private boolean runMatches(boolean[] taken, int row, int from, int to, float offset) {
        for (int column = from; column < to; column++) {
            int index = row * columns + column;
            if (taken[index] || offsets[index] != offset) {
                return false;
            }
        }
        return true;
    }

    /** The largest change of any block's offset from {@code previous}, a frame of the same grid. */
    public double largestChangeFrom(QpOffsets previous) {
        if (previous.columns != columns || previous.rows != rows) {
            throw new IllegalArgumentException("grids differ: " + previous.columns + "x" + previous.rows + " and "
                    + columns + "x" + rows);
        }
        double largest = 0;
        for (int i = 0; i < offsets.length; i++) {
            largest = Math.max(largest, Math.abs(offsets[i] - previous.offsets[i]));
        }
        return largest;
    }
}
