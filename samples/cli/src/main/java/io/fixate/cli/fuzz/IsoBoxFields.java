package io.fixate.cli.fuzz;

import static io.fixate.cli.fuzz.MediaFields.Encoding.BIG_ENDIAN;
import static io.fixate.cli.fuzz.MediaFields.Encoding.BYTES;

import io.fixate.cli.fuzz.MediaFields.Field;
import io.fixate.cli.fuzz.MediaFields.Role;

import java.util.List;
import java.util.Set;

/**
 * The fields of an ISO BMFF file (MP4, MOV): every box's size and type, down through {@code moov/trak/mdia/minf/stbl}
 * and the sample entries, and the values of the boxes that describe the media: {@code mvhd}, {@code mdhd} and
 * {@code tkhd} (time scales, durations, sizes), {@code hdlr} (the track's kind), {@code elst}, and the sample tables
 * {@code stsd}, {@code stts}, {@code ctts}, {@code stsc}, {@code stsz}, {@code stco}, {@code co64}, {@code stss}.
 */
final class IsoBoxFields {

    /** Boxes made of boxes, walked into. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "dinf",
            "mvex", "moof", "traf", "mfra", "udta");
    /** Types a file starts with; a file that starts with another box is not recognised. */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");
    /** Offsets in a visual sample entry (ISO 14496-12 8.5.2): width, height, then its own boxes. */
    private static final int VISUAL_WIDTH = 32;
    private static final int VISUAL_BOXES = 86;
    /** Offsets in an audio sample entry of version 0: channel count, sample rate (16.16), then its own boxes. */
    private static final int AUDIO_CHANNELS = 24;
    private static final int AUDIO_RATE = 32;
    private static final int AUDIO_BOXES = 36;

    private final MediaFields.Collector found;
    private final byte[] bytes;
    /** The handler type of the track being walked: how its sample entries are laid out. */
    private String handler = "";

    IsoBoxFields(byte[] bytes) {
        this.found = new MediaFields.Collector(bytes);
        this.bytes = bytes;
    }

    static boolean recognises(byte[] bytes) {
        return bytes.length >= 8 && FIRST_BOXES.contains(new MediaFields.Collector(bytes).fourcc(4));
    }

    List<Field> walk() {
        boxes(0, bytes.length, "");
        return found.fields();
    }

    private void boxes(int start, long end, String path) {
        found.nested(() -> boxesAt(start, end, path));
    }

    private void boxesAt(int start, long end, String path) {
        int at = start;
        while (at + 8 <= end) {
            long size = found.unsigned(at, 4, BIG_ENDIAN);
            String type = found.fourcc(at + 4);
            String name = path + type;
            int header = 8;
            if (size == 1) {
                // a 64-bit size follows the type
                if (!found.add(Role.SIZE, name + ".size", at + 8, 8, BIG_ENDIAN, end)) {
                    return;
                }
                size = found.unsigned(at + 8, 8, BIG_ENDIAN);
                header = 16;
            } else {
                found.add(Role.SIZE, name + ".size", at, 4, BIG_ENDIAN, end);
                size = size == 0 ? end - at : size;
            }
            found.add(Role.TYPE, name + ".type", at + 4, 4, BYTES, end);
            if (size < header) {
                return;
            }
            // A box that claims more than its parent holds (a truncated file) is still read as far as it goes.
            long boxEnd = Math.min(at + size, end);
            contents(type, name, at + header, boxEnd);
            if (at + size > end) {
                return;
            }
            at += (int) size;
        }
    }

    private void contents(String type, String name, int at, long end) {
        if (CONTAINERS.contains(type)) {
            if (type.equals("trak")) {
                handler = "";
            }
            boxes(at, end, name + "/");
            return;
        }
        boolean wide = at < end && bytes[at] == 1;
        switch (type) {
            case "mvhd", "mdhd" -> {
                found.add(Role.RATE, name + ".timescale", at + (wide ? 20 : 12), 4, BIG_ENDIAN, end);
                found.add(Role.DURATION, name + ".duration", at + (wide ? 24 : 16), wide ? 8 : 4, BIG_ENDIAN, end);
            }
            case "tkhd" -> {
                found.add(Role.DURATION, name + ".duration", at + (wide ? 28 : 20), wide ? 8 : 4, BIG_ENDIAN, end);
                found.add(Role.DIMENSION, name + ".width", at + (wide ? 88 : 76), 4, BIG_ENDIAN, end);
                found.add(Role.DIMENSION, name + ".height", at + (wide ? 92 : 80), 4, BIG_ENDIAN, end);
            }
            case "hdlr" -> handler(name, at + 8, end);
            case "elst" -> editList(name, at, end, wide);
            case "stsd" -> sampleEntries(name, at, end);
            case "stts" -> table(name, at, end, 4, "sample_count", "sample_delta");
            case "ctts" -> table(name, at, end, 4, "sample_count", "sample_offset");
            case "stsc" -> table(name, at, end, 4, "first_chunk", "samples_per_chunk", "sample_description_index");
            case "stco" -> table(name, at, end, 4, "chunk_offset");
            case "co64" -> table(name, at, end, 8, "chunk_offset");
            case "stss" -> table(name, at, end, 4, "sample_number");
            case "stsz" -> {
                found.add(Role.TABLE_ENTRY, name + ".sample_size", at + 4, 4, BIG_ENDIAN, end);
                // one size for all samples, or a table of sizes after the count
                boolean sized = at + 8 <= end && found.unsigned(at + 4, 4, BIG_ENDIAN) == 0;
                table(name, at + 4, end, 4, sized ? new String[]{"entry_size"} : new String[0]);
            }
            default -> {
                // the payload of other boxes is left to the byte-level mutations
            }
        }
    }

    private void handler(String name, int at, long end) {
        if (at + 4 > end) {
            return;
        }
        handler = found.fourcc(at);
        if (handler.equals("vide") || handler.equals("soun")) {
            found.add(Role.STREAM_KIND, name + ".handler_type", at, 4, BYTES, end);
        }
    }

    /** A full box holding an entry count and that many entries, each of the named fields of {@code width} bytes. */
    private void table(String name, int at, long end, int width, String... entryFields) {
        if (!found.add(Role.COUNT, name + ".entry_count", at + 4, 4, BIG_ENDIAN, end) || entryFields.length == 0) {
            return;
        }
        long count = found.unsigned(at + 4, 4, BIG_ENDIAN);
        int first = at + 8;
        for (long entry = 0; entry < count; entry++) {
            for (int field = 0; field < entryFields.length; field++) {
                long offset = first + (entry * entryFields.length + field) * width;
                String fieldName = name + "[" + entry + "]." + entryFields[field];
                if (offset > Integer.MAX_VALUE
                        || !found.add(Role.TABLE_ENTRY, fieldName, (int) offset, width, BIG_ENDIAN, end)) {
                    return;
                }
            }
        }
    }

    private void editList(String name, int at, long end, boolean wide) {
        if (!found.add(Role.COUNT, name + ".entry_count", at + 4, 4, BIG_ENDIAN, end)) {
            return;
        }
        long count = found.unsigned(at + 4, 4, BIG_ENDIAN);
        int width = wide ? 8 : 4;
        int entrySize = 2 * width + 4;
        for (long entry = 0; entry < count && at + 8 + (entry + 1) * entrySize <= end; entry++) {
            int offset = (int) (at + 8 + entry * entrySize);
            found.add(Role.DURATION, name + "[" + entry + "].segment_duration", offset, width, BIG_ENDIAN, end);
            found.add(Role.TABLE_ENTRY, name + "[" + entry + "].media_time", offset + width, width, BIG_ENDIAN, end);
        }
    }

    /** The entries of {@code stsd}: boxes whose layout follows the track's handler type. */
    private void sampleEntries(String name, int at, long end) {
        if (!found.add(Role.COUNT, name + ".entry_count", at + 4, 4, BIG_ENDIAN, end)) {
            return;
        }
        int entry = at + 8;
        while (entry + 8 <= end) {
            long size = found.unsigned(entry, 4, BIG_ENDIAN);
            String entryName = name + "/" + found.fourcc(entry + 4);
            found.add(Role.SIZE, entryName + ".size", entry, 4, BIG_ENDIAN, end);
            found.add(Role.TYPE, entryName + ".type", entry + 4, 4, BYTES, end);
            if (size < 8) {
                return;
            }
            long entryEnd = Math.min(entry + size, end);
            if (handler.equals("vide")) {
                found.add(Role.DIMENSION, entryName + ".width", entry + VISUAL_WIDTH, 2, BIG_ENDIAN, entryEnd);
                found.add(Role.DIMENSION, entryName + ".height", entry + VISUAL_WIDTH + 2, 2, BIG_ENDIAN, entryEnd);
                boxes(entry + VISUAL_BOXES, entryEnd, entryName + "/");
            } else if (handler.equals("soun") && isVersionZero(entry, entryEnd)) {
                found.add(Role.COUNT, entryName + ".channelcount", entry + AUDIO_CHANNELS, 2, BIG_ENDIAN, entryEnd);
                found.add(Role.RATE, entryName + ".samplerate", entry + AUDIO_RATE, 4, BIG_ENDIAN, entryEnd);
                boxes(entry + AUDIO_BOXES, entryEnd, entryName + "/");
            }
            if (entry + size > end) {
                return;
            }
            entry += (int) size;
        }
    }

    /** Whether the audio sample entry at {@code entry} has the plain layout (QuickTime's versions 1, 2 add fields). */
    private boolean isVersionZero(int entry, long entryEnd) {
        return entry + 18 <= entryEnd && found.unsigned(entry + 16, 2, BIG_ENDIAN) == 0;
    }
}
