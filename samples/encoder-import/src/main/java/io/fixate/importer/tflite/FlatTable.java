package io.fixate.importer.tflite;

import io.fixate.importer.CorruptModelFileException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a FlatBuffer, read field by field from the binary layout (a table starts with the signed offset back
 * to its vtable; the vtable lists, per field id, the field's offset in the table or 0 when absent; vectors, strings
 * and sub-tables are reached through unsigned offsets relative to where the offset is stored). Every position is
 * checked against the buffer, so a truncated or damaged file fails with {@link CorruptModelFileException} instead of
 * an index error or a huge allocation.
 */
final class FlatTable {

    private static final int OFFSET_BYTES = Integer.BYTES;
    private static final int VTABLE_HEADER_BYTES = 4;

    private final Source source;
    private final int position;
    private final int vtable;
    private final int vtableBytes;

    private FlatTable(Source source, int position) {
        this.source = source;
        this.position = position;
        source.require(position, OFFSET_BYTES);
        long vtableAt = (long) position - source.buffer.getInt(position);
        source.require(vtableAt, VTABLE_HEADER_BYTES);
        this.vtable = (int) vtableAt;
        this.vtableBytes = Short.toUnsignedInt(source.buffer.getShort(vtable));
        source.require(vtable, vtableBytes);
    }

    /** The root table of {@code buffer} (little-endian, from position 0); {@code name} names the file in messages. */
    static FlatTable root(ByteBuffer buffer, String name) {
        Source source = new Source(buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN), name);
        return new FlatTable(source, source.target(0));
    }

    /** Four bytes at {@code offset} of the root's buffer as text (a file identifier). */
    static String identifier(ByteBuffer buffer, int offset) {
        if (buffer.limit() < offset + OFFSET_BYTES) {
            return "";
        }
        byte[] bytes = new byte[OFFSET_BYTES];
        buffer.duplicate().position(offset).get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    int intField(int field, int absent) {
        int at = fieldPosition(field, Integer.BYTES);
        return at < 0 ? absent : source.buffer.getInt(at);
    }

    int byteField(int field, int absent) {
        int at = fieldPosition(field, 1);
        return at < 0 ? absent : source.buffer.get(at);
    }

    /** The sub-table in {@code field}, or null when absent. */
    FlatTable table(int field) {
        int at = fieldPosition(field, OFFSET_BYTES);
        return at < 0 ? null : new FlatTable(source, source.target(at));
    }

    /** The tables of the vector in {@code field}; empty when absent. */
    List<FlatTable> tables(int field) {
        int start = vectorStart(field, OFFSET_BYTES);
        List<FlatTable> tables = new ArrayList<>();
        for (int i = 0, n = vectorLength(field); i < n; i++) {
            tables.add(new FlatTable(source, source.target(start + i * OFFSET_BYTES)));
        }
        return tables;
    }

    int[] ints(int field) {
        IntBuffer elements = elements(field, Integer.BYTES).asIntBuffer();
        int[] values = new int[elements.remaining()];
        elements.get(values);
        return values;
    }

    float[] floats(int field) {
        FloatBuffer elements = elements(field, Float.BYTES).asFloatBuffer();
        float[] values = new float[elements.remaining()];
        elements.get(values);
        return values;
    }

    long[] longs(int field) {
        LongBuffer elements = elements(field, Long.BYTES).asLongBuffer();
        long[] values = new long[elements.remaining()];
        elements.get(values);
        return values;
    }

    /** The bytes of the vector in {@code field} as a little-endian view; empty when absent. */
    ByteBuffer bytes(int field) {
        return elements(field, 1);
    }

    String string(int field) {
        ByteBuffer bytes = bytes(field);
        byte[] text = new byte[bytes.remaining()];
        bytes.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Absolute position of a scalar or offset field of {@code size} bytes, or -1 when the table lacks it. */
    private int fieldPosition(int field, int size) {
        int slot = VTABLE_HEADER_BYTES + 2 * field;
        if (slot + 2 > vtableBytes) {
            return -1;
        }
        int offset = Short.toUnsignedInt(source.buffer.getShort(vtable + slot));
        if (offset == 0) {
            return -1;
        }
        source.require((long) position + offset, size);
        return position + offset;
    }

    /** The elements of the vector in {@code field}, {@code elementBytes} each, as a little-endian view. */
    private ByteBuffer elements(int field, int elementBytes) {
        int start = vectorStart(field, elementBytes);
        return source.buffer.slice(start, vectorLength(field) * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int vectorLength(int field) {
        int at = fieldPosition(field, OFFSET_BYTES);
        return at < 0 ? 0 : source.buffer.getInt(source.target(at));
    }

    /** Position of the first element of the vector in {@code field}, its elements checked to lie in the buffer. */
    private int vectorStart(int field, int elementBytes) {
        int at = fieldPosition(field, OFFSET_BYTES);
        if (at < 0) {
            return 0;
        }
        int header = source.target(at);
        source.require(header, OFFSET_BYTES);
        long length = Integer.toUnsignedLong(source.buffer.getInt(header));
        source.require(header + (long) OFFSET_BYTES, length * elementBytes);
        return header + OFFSET_BYTES;
    }

    /** The buffer being read and its name, with the bounds checks every read goes through. */
    private record Source(ByteBuffer buffer, String name) {

        /** The position an unsigned offset stored at {@code at} leads to. */
        int target(int at) {
            require(at, OFFSET_BYTES);
            long target = at + Integer.toUnsignedLong(buffer.getInt(at));
            require(target, OFFSET_BYTES);
            return (int) target;
        }

        void require(long at, long size) {
            if (at < 0 || size < 0 || at + size > buffer.limit()) {
                throw new CorruptModelFileException(name + " is truncated or damaged: it refers to bytes " + at
                        + " to " + (at + size) + " of its " + buffer.limit());
            }
        }
    }
}
