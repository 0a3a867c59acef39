package io.fixate.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a media file's container that {@link MediaMutator} damages on purpose: the headers of boxes, chunks
 * and elements, and the values a demuxer trusts most (sample tables, frame counts, picture sizes, durations, rates,
 * stream kinds). They are found by walking the container: ISO BMFF boxes (MP4, MOV), RIFF chunks (AVI) or EBML
 * elements (Matroska, WebM); other data has none. The walk never fails: it stops where the structure stops making
 * sense, so it also describes files that earlier mutations have damaged.
 */
final class MediaFields {

    /** What a field means to a demuxer, which decides the absurd values it gets. */
    enum Role {
        /** The length of a box, chunk or element. */
        SIZE,
        /** A box or chunk type (four characters) or an EBML element ID. */
        TYPE,
        /** An entry of a sample, chunk-offset, time-to-sample or index table; a block's or cue's time or position. */
        TABLE_ENTRY,
        /** A count: of table entries, frames, streams, channels. */
        COUNT,
        /** A picture width or height. */
        DIMENSION,
        /** A duration or start time. */
        DURATION,
        /** A time scale, frame or sample rate. */
        RATE,
        /** What a stream holds: video or audio. */
        STREAM_KIND
    }

    /** How a field's bytes hold its value. */
    enum Encoding {
        BIG_ENDIAN, LITTLE_ENDIAN,
        /** An EBML variable-length size: a length marker, then the value in the remaining bits. */
        EBML_SIZE,
        /** An IEEE float, big-endian, 4 or 8 bytes (Matroska). */
        FLOAT,
        /** Bytes that are not a number: four-character codes, EBML IDs. */
        BYTES
    }

    /**
     * One field of the file.
     *
     * @param name where it is, e.g. {@code moov/trak/tkhd.width} or {@code Segment/Info/Duration}
     */
    record Field(Role role, String name, int offset, int length, Encoding encoding) {

        /** The unsigned integer the field holds (not for {@link Encoding#FLOAT} or {@link Encoding#BYTES}). */
        long read(byte[] bytes) {
            long value = 0;
            for (int i = 0; i < length; i++) {
                int index = encoding == Encoding.LITTLE_ENDIAN ? offset + length - 1 - i : offset + i;
                value = value << 8 | (bytes[index] & 0xff);
            }
            return encoding == Encoding.EBML_SIZE ? value & largest() : value;
        }

        /** Stores {@code value}, cut to the field's width; an EBML size keeps its length marker. */
        void write(byte[] bytes, long value) {
            long stored = encoding == Encoding.EBML_SIZE ? value & largest() | 1L << 7 * length : value;
            for (int i = 0; i < length; i++) {
                int index = encoding == Encoding.LITTLE_ENDIAN ? offset + i : offset + length - 1 - i;
                bytes[index] = (byte) (stored >>> 8 * i);
            }
        }

        /** The largest value the field holds: all value bits set (for an EBML size, the "unknown size"). */
        long largest() {
            int bits = encoding == Encoding.EBML_SIZE ? 7 * length : 8 * length;
            return bits >= 64 ? -1L : (1L << bits) - 1;
        }

        double readFloat(byte[] bytes) {
            long bits = new Field(role, name, offset, length, Encoding.BIG_ENDIAN).read(bytes);
            return length == Float.BYTES ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        }

        void writeFloat(byte[] bytes, double value) {
            long bits = length == Float.BYTES ? Float.floatToRawIntBits((float) value) & 0xffffffffL
                    : Double.doubleToRawLongBits(value);
            new Field(role, name, offset, length, Encoding.BIG_ENDIAN).write(bytes, bits);
        }
    }

    private MediaFields() {
    }

    /** The fields of {@code bytes} by its container, recognised from its first bytes; none for anything else. */
    static List<Field> of(byte[] bytes) {
        if (EbmlElementFields.recognises(bytes)) {
            return new EbmlElementFields(bytes).walk();
        }
        if (RiffChunkFields.recognises(bytes)) {
            return new RiffChunkFields(bytes).walk();
        }
        if (IsoBoxFields.recognises(bytes)) {
            return new IsoBoxFields(bytes).walk();
        }
        return List.of();
    }

    /**
     * The fields a walker has found in one file, with the bounds checks they all need: a field is only added when it
     * lies wholly inside the structure that holds it.
     */
    static final class Collector {
        /** Deeper nesting than real files have is not walked: a damaged file must not overflow the stack. */
        private static final int MAX_DEPTH = 12;

        private final byte[] bytes;
        private final List<Field> fields = new ArrayList<>();
        private int depth;

        Collector(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Adds the field when {@code offset + length <= limit}; returns whether it did. */
        boolean add(Role role, String name, int offset, int length, Encoding encoding, long limit) {
            if (offset < 0 || length <= 0 || offset + (long) length > Math.min(limit, bytes.length)) {
                return false;
            }
            fields.add(new Field(role, name, offset, length, encoding));
            return true;
        }

        /** Runs {@code walk}, a walk one level down, unless the structure is already nested too deep. */
        void nested(Runnable walk) {
            if (depth < MAX_DEPTH) {
                depth++;
                walk.run();
                depth--;
            }
        }

        List<Field> fields() {
            return fields;
        }

        /** Four bytes as text, as box and chunk types are written. */
        String fourcc(int offset) {
            return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
        }

        long unsigned(int offset, int length, Encoding encoding) {
            return new Field(Role.SIZE, "", offset, length, encoding).read(bytes);
        }
    }
}
