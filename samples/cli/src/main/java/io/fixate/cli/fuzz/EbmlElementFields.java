package io.fixate.cli.fuzz;

import static io.fixate.cli.fuzz.MediaFields.Encoding.BIG_ENDIAN;
import static io.fixate.cli.fuzz.MediaFields.Encoding.BYTES;
import static io.fixate.cli.fuzz.MediaFields.Encoding.EBML_SIZE;
import static io.fixate.cli.fuzz.MediaFields.Encoding.FLOAT;

import io.fixate.cli.fuzz.MediaFields.Encoding;
import io.fixate.cli.fuzz.MediaFields.Field;
import io.fixate.cli.fuzz.MediaFields.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The fields of a Matroska or WebM file: every EBML element's ID and variable-length size, down through the segment's
 * seek head, info, tracks, clusters and cues, and the values demuxers trust: the timestamp scale and duration, each
 * track's type, frame duration, picture and display size, sample rate and channels, and the clusters', blocks',
 * cues' and seek entries' times and positions.
 */
final class EbmlElementFields {

    private static final byte[] MAGIC = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};
    private static final long TRACK_TYPE = 0x83;
    private static final long SIMPLE_BLOCK = 0xa3;
    private static final long BLOCK = 0xa1;

    /** An element the walk knows: its name in the Matroska specification, and its value's role (none: walk into it). */
    private record Kind(String name, Role role, Encoding encoding) {
        boolean isMaster() {
            return role == null;
        }
    }

    private static final Map<Long, Kind> KNOWN = Map.ofEntries(
            master(0x1a45dfa3, "EBML"), master(0x18538067, "Segment"), master(0x114d9b74, "SeekHead"),
            master(0x4dbb, "Seek"), master(0x1549a966, "Info"), master(0x1654ae6b, "Tracks"),
            master(0xae, "TrackEntry"), master(0xe0, "Video"), master(0xe1, "Audio"),
            master(0x1f43b675, "Cluster"), master(0xa0, "BlockGroup"), master(0x1c53bb6b, "Cues"),
            master(0xbb, "CuePoint"), master(0xb7, "CueTrackPositions"),
            value(0x2ad7b1, "TimestampScale", Role.RATE, BIG_ENDIAN),
            value(0x4489, "Duration", Role.DURATION, FLOAT),
            value(TRACK_TYPE, "TrackType", Role.STREAM_KIND, BIG_ENDIAN),
            value(0x23e383, "DefaultDuration", Role.RATE, BIG_ENDIAN),
            value(0xb0, "PixelWidth", Role.DIMENSION, BIG_ENDIAN),
            value(0xba, "PixelHeight", Role.DIMENSION, BIG_ENDIAN),
            value(0x54b0, "DisplayWidth", Role.DIMENSION, BIG_ENDIAN),
            value(0x54ba, "DisplayHeight", Role.DIMENSION, BIG_ENDIAN),
            value(0xb5, "SamplingFrequency", Role.RATE, FLOAT),
            value(0x9f, "Channels", Role.COUNT, BIG_ENDIAN),
            value(0xe7, "Timestamp", Role.TABLE_ENTRY, BIG_ENDIAN),
            value(0x9b, "BlockDuration", Role.DURATION, BIG_ENDIAN),
            value(0xb3, "CueTime", Role.TABLE_ENTRY, BIG_ENDIAN),
            value(0xf1, "CueClusterPosition", Role.TABLE_ENTRY, BIG_ENDIAN),
            value(0x53ac, "SeekPosition", Role.TABLE_ENTRY, BIG_ENDIAN),
            // a block's value is its 16-bit time relative to the cluster, after the track number
            value(SIMPLE_BLOCK, "SimpleBlock", Role.TABLE_ENTRY, BIG_ENDIAN),
            value(BLOCK, "Block", Role.TABLE_ENTRY, BIG_ENDIAN));

    private final MediaFields.Collector found;
    private final byte[] bytes;

    EbmlElementFields(byte[] bytes) {
        this.found = new MediaFields.Collector(bytes);
        this.bytes = bytes;
    }

    static boolean recognises(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    List<Field> walk() {
        elements(0, bytes.length, "");
        return found.fields();
    }

    private void elements(int start, long end, String path) {
        int at = start;
        while (at < end) {
            int idLength = vintLength(at);
            int sizeAt = at + idLength;
            if (idLength == 0 || idLength > 4 || sizeAt >= end) {
                return;
            }
            int sizeLength = vintLength(sizeAt);
            int dataAt = sizeAt + sizeLength;
            if (sizeLength == 0 || dataAt > end) {
                return;
            }
            long id = found.unsigned(at, idLength, BIG_ENDIAN);
            Kind kind = KNOWN.get(id);
            String name = path + (kind == null ? String.format("0x%X", id) : kind.name());
            found.add(Role.TYPE, name + ".id", at, idLength, BYTES, end);
            found.add(Role.SIZE, name + ".size", sizeAt, sizeLength, EBML_SIZE, end);
            Field size = new Field(Role.SIZE, name, sizeAt, sizeLength, EBML_SIZE);
            long length = size.read(bytes);
            // all value bits set means "unknown size": the element runs to the end of its parent (live streams)
            long dataEnd = length == size.largest() ? end : dataAt + length;
            if (kind != null && kind.isMaster()) {
                found.nested(() -> elements(dataAt, Math.min(dataEnd, end), name + "/"));
            } else if (kind != null && dataEnd <= end) {
                value(id, kind, name, dataAt, (int) (dataEnd - dataAt));
            }
            if (dataEnd > end) {
                return;
            }
            at = (int) dataEnd;
        }
    }

    private void value(long id, Kind kind, String name, int at, int length) {
        if (id == SIMPLE_BLOCK || id == BLOCK) {
            int track = vintLength(at);
            found.add(kind.role(), name + ".timecode", at + track, 2, BIG_ENDIAN, at + (long) length);
        } else if (kind.encoding() == FLOAT ? length == Float.BYTES || length == Double.BYTES : length <= 8) {
            long number = found.unsigned(at, length, BIG_ENDIAN);
            // only video (1) and audio (2) tracks are swapped; other track types stay
            if (id != TRACK_TYPE || number == 1 || number == 2) {
                found.add(kind.role(), name, at, length, kind.encoding(), at + (long) length);
            }
        }
    }

    /** The length of the variable-length integer at {@code at}: one more than its first byte's leading zeros. */
    private int vintLength(int at) {
        int first = at < bytes.length ? bytes[at] & 0xff : 0;
        return first == 0 ? 0 : Integer.numberOfLeadingZeros(first) - 23;
    }

    private static Map.Entry<Long, Kind> master(long id, String name) {
        return Map.entry(id, new Kind(name, null, null));
    }

    private static Map.Entry<Long, Kind> value(long id, String name, Role role, Encoding encoding) {
        return Map.entry(id, new Kind(name, role, encoding));
    }
}
