package io.fixate.codec.host;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One plane of a host's picture buffer: row {@code r} starts at byte {@code offset + r * rowStride} of {@code data}.
 * Indices are absolute (the buffer's position is ignored) and may reach up to its limit. {@code rowStride} may exceed
 * the row's own bytes (padded rows, e.g. FFmpeg's aligned linesize) and may be negative for bottom-up buffers (OpenFX,
 * Windows DIBs), in which case {@code offset} points at the top row near the end of the buffer.
 *
 * @param data      the bytes; never modified
 * @param offset    index of the first byte of the top row
 * @param rowStride distance in bytes from one row to the next one down
 */
public record Plane(ByteBuffer data, int offset, int rowStride) {

    /** @throws IllegalArgumentException if {@code offset} is negative */
    public Plane {
        Objects.requireNonNull(data, "data");
        if (offset < 0) {
            throw new IllegalArgumentException("plane offset must not be negative, got " + offset);
        }
    }

    /** A plane whose rows follow each other without padding, top row first, from index 0. */
    public static Plane tight(ByteBuffer data, int rowBytes) {
        return new Plane(data, 0, rowBytes);
    }

    /**
     * Checks that {@code rows} rows of {@code rowBytes} bytes lie inside the buffer and do not overlap.
     *
     * @param name what the plane is, for the message (e.g. "U plane")
     * @throws IllegalArgumentException naming the plane if they do not
     */
    void requireRows(String name, int rowBytes, int rows) {
        if (rows > 1 && Math.abs((long) rowStride) < rowBytes) {
            throw new IllegalArgumentException(name + ": row stride " + rowStride + " is shorter than a row of "
                    + rowBytes + " bytes");
        }
        long lastRowStart = offset + (long) (rows - 1) * rowStride;
        long lowest = Math.min(offset, lastRowStart);
        long end = Math.max(offset, lastRowStart) + rowBytes;
        if (lowest < 0 || end > data.limit()) {
            throw new IllegalArgumentException(name + ": " + rows + " rows of " + rowBytes + " bytes at offset "
                    + offset + " with stride " + rowStride + " need bytes " + lowest + ".." + (end - 1)
                    + ", but the buffer holds " + data.limit());
        }
    }

    /** Copies the first {@code length} bytes of row {@code row} into the start of {@code target}. */
    void readRow(int row, byte[] target, int length) {
        data.get(offset + row * rowStride, target, 0, length);
    }

    /** Copies the first {@code length} bytes of row {@code row} into {@code target} at {@code targetIndex}. */
    void copyRow(int row, ByteBuffer target, int targetIndex, int length) {
        target.put(targetIndex, data, offset + row * rowStride, length);
    }
}
