package io.fixate.cli.fuzz;

import static io.fixate.cli.fuzz.MediaFields.Encoding.BYTES;
import static io.fixate.cli.fuzz.MediaFields.Encoding.LITTLE_ENDIAN;

import io.fixate.cli.fuzz.MediaFields.Field;
import io.fixate.cli.fuzz.MediaFields.Role;

import java.util.List;

/**
 * The fields of an AVI file: every RIFF chunk's ID and size (with the form type of {@code RIFF} and {@code LIST}
 * chunks), the main header {@code avih} (frame period, frame and stream counts, picture size), each stream's header
 * {@code strh} (kind, scale and rate, start, length) and format {@code strf} (BITMAPINFOHEADER or WAVEFORMATEX), and
 * the offsets and lengths of the legacy index {@code idx1}.
 */
final class RiffChunkFields {

    /** An {@code idx1} entry: chunk ID, flags, offset, length. */
    private static final int INDEX_ENTRY = 16;

    private final MediaFields.Collector found;
    private final byte[] bytes;
    /** The kind ({@code vids}, {@code auds}) of the stream whose {@code strl} list is being walked. */
    private String streamKind = "";

    RiffChunkFields(byte[] bytes) {
        this.found = new MediaFields.Collector(bytes);
        this.bytes = bytes;
    }

    static boolean recognises(byte[] bytes) {
        if (bytes.length < 12) {
            return false;
        }
        MediaFields.Collector header = new MediaFields.Collector(bytes);
        return header.fourcc(0).equals("RIFF") && header.fourcc(8).equals("AVI ");
    }

    List<Field> walk() {
        chunks(0, bytes.length, "");
        return found.fields();
    }

    private void chunks(int start, long end, String path) {
        int at = start;
        while (at + 8 <= end) {
            String id = found.fourcc(at);
            long size = found.unsigned(at + 4, 4, LITTLE_ENDIAN);
            String name = path + id;
            found.add(Role.TYPE, name + ".id", at, 4, BYTES, end);
            found.add(Role.SIZE, name + ".size", at + 4, 4, LITTLE_ENDIAN, end);
            long chunkEnd = at + 8 + size;
            long dataEnd = Math.min(chunkEnd, end);
            // RIFF and LIST hold chunks after their form type
            if (id.equals("RIFF") || id.equals("LIST")) {
                if (found.add(Role.TYPE, name + ".type", at + 8, 4, BYTES, dataEnd)) {
                    String list = name + " " + found.fourcc(at + 8) + "/";
                    int first = at + 12;
                    found.nested(() -> chunks(first, dataEnd, list));
                }
            } else {
                contents(id, name, at + 8, dataEnd);
            }
            // chunks are padded to an even length
            long next = chunkEnd + (size & 1);
            if (next > end) {
                return;
            }
            at = (int) next;
        }
    }

    private void contents(String id, String name, int at, long end) {
        switch (id) {
            case "avih" -> {
                found.add(Role.RATE, name + ".dwMicroSecPerFrame", at, 4, LITTLE_ENDIAN, end);
                found.add(Role.COUNT, name + ".dwTotalFrames", at + 16, 4, LITTLE_ENDIAN, end);
                found.add(Role.COUNT, name + ".dwStreams", at + 24, 4, LITTLE_ENDIAN, end);
                found.add(Role.DIMENSION, name + ".dwWidth", at + 32, 4, LITTLE_ENDIAN, end);
                found.add(Role.DIMENSION, name + ".dwHeight", at + 36, 4, LITTLE_ENDIAN, end);
            }
            case "strh" -> {
                streamKind = at + 4 <= end ? found.fourcc(at) : "";
                if (streamKind.equals("vids") || streamKind.equals("auds")) {
                    found.add(Role.STREAM_KIND, name + ".fccType", at, 4, BYTES, end);
                }
                found.add(Role.RATE, name + ".dwScale", at + 20, 4, LITTLE_ENDIAN, end);
                found.add(Role.RATE, name + ".dwRate", at + 24, 4, LITTLE_ENDIAN, end);
                found.add(Role.DURATION, name + ".dwStart", at + 28, 4, LITTLE_ENDIAN, end);
                found.add(Role.COUNT, name + ".dwLength", at + 32, 4, LITTLE_ENDIAN, end);
            }
            case "strf" -> {
                if (streamKind.equals("vids")) {
                    found.add(Role.DIMENSION, name + ".biWidth", at + 4, 4, LITTLE_ENDIAN, end);
                    found.add(Role.DIMENSION, name + ".biHeight", at + 8, 4, LITTLE_ENDIAN, end);
                } else if (streamKind.equals("auds")) {
                    found.add(Role.COUNT, name + ".nChannels", at + 2, 2, LITTLE_ENDIAN, end);
                    found.add(Role.RATE, name + ".nSamplesPerSec", at + 4, 4, LITTLE_ENDIAN, end);
                }
            }
            case "idx1" -> {
                for (int entry = at; entry + INDEX_ENTRY <= end; entry += INDEX_ENTRY) {
                    String entryName = name + "[" + (entry - at) / INDEX_ENTRY + "]";
                    found.add(Role.TABLE_ENTRY, entryName + ".dwChunkOffset", entry + 8, 4, LITTLE_ENDIAN, end);
                    found.add(Role.TABLE_ENTRY, entryName + ".dwChunkLength", entry + 12, 4, LITTLE_ENDIAN, end);
                }
            }
            default -> {
                // frames, sound and other chunks are left to the byte-level mutations
            }
        }
    }
}
