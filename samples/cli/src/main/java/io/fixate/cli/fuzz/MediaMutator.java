package io.fixate.cli.fuzz;

import io.fixate.cli.fuzz.MediaFields.Encoding;
import io.fixate.cli.fuzz.MediaFields.Field;
import io.fixate.cli.fuzz.MediaFields.Role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Damages a seed clip the way broken downloads, buggy muxers and hostile files do, for {@code fixate fuzz-media}.
 * Deterministic: the same seed clip, run seed and case number give the same bytes and the same description. A case
 * applies one to {@value #MOST_MUTATIONS} mutations in turn, each of a {@link Kind} drawn among those that apply to
 * the bytes at hand; the structural kinds walk the container again each time ({@link MediaFields}), so they find
 * their fields in what the earlier mutations left.
 */
public final class MediaMutator {

    /** What one mutation does. */
    enum Kind {
        /** Flips 1 to 64 random bits. */
        BIT_FLIPS(null),
        /** Overwrites a run of up to 4 KiB with random bytes, zeros or 0xFF. */
        OVERWRITE(null),
        /** Cuts the file at a random point. */
        TRUNCATE(null),
        /** Inserts up to 4 KiB, random or copied from elsewhere in the file. */
        INSERT(null),
        /** Deletes up to 4 KiB. */
        DELETE(null),
        /** Sets a box, chunk or element size to an absurd value. */
        SIZE(Role.SIZE),
        /** Replaces a box or chunk type or an element ID with another one of the file's, random bytes or zeros. */
        TYPE(Role.TYPE),
        /** Sets a sample-table, index, block-time or cue entry to an absurd value. */
        TABLE_ENTRY(Role.TABLE_ENTRY),
        /** Sets an entry, frame, stream or channel count to an absurd value. */
        COUNT(Role.COUNT),
        /** Sets a picture width or height to 0, 1, 65535 or 2^31-1. */
        DIMENSION(Role.DIMENSION),
        /** Sets a duration or start to 0, negative or huge. */
        DURATION(Role.DURATION),
        /** Sets a time scale, frame or sample rate to an absurd value. */
        RATE(Role.RATE),
        /** Turns a video stream into an audio one or the reverse (one stream, or all at once). */
        SWAP_STREAMS(Role.STREAM_KIND);

        /** The role of the fields it changes; null for the kinds that ignore the structure. */
        final Role role;

        Kind(Role role) {
            this.role = role;
        }
    }

    /** A mutated clip and what was done to it, one description per mutation. */
    public record Mutant(byte[] bytes, List<String> mutations) {
    }

    /** The most mutations in one case: one in half the cases, two in a quarter, and so on. */
    static final int MOST_MUTATIONS = 4;
    /** The longest run overwritten, inserted or deleted; lengths are drawn log-uniformly up to it. */
    private static final int LONGEST_RUN = 4096;

    private final Random random;
    private final List<String> mutations = new ArrayList<>();
    private byte[] bytes;

    private MediaMutator(byte[] seed, long caseSeed) {
        this.bytes = seed.clone();
        this.random = new Random(caseSeed);
    }

    /** Case {@code caseNumber} of a run seeded {@code runSeed}, made from {@code seed} (which is not changed). */
    public static Mutant mutate(byte[] seed, long runSeed, int caseNumber) {
        MediaMutator mutator = new MediaMutator(seed, caseSeed(runSeed, caseNumber));
        int count = 1;
        while (count < MOST_MUTATIONS && mutator.random.nextBoolean()) {
            count++;
        }
        for (int i = 0; i < count; i++) {
            mutator.mutateOnce();
        }
        return new Mutant(mutator.bytes, List.copyOf(mutator.mutations));
    }

    /** SplitMix64's finaliser of the two numbers: neighbouring cases get unrelated random streams. */
    private static long caseSeed(long runSeed, int caseNumber) {
        long z = runSeed * 0x9e3779b97f4a7c15L + caseNumber;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private void mutateOnce() {
        List<Field> fields = MediaFields.of(bytes);
        List<Kind> applicable = Arrays.stream(Kind.values())
                .filter(kind -> kind.role == null ? bytes.length >= 2 || kind == Kind.INSERT
                        : fields.stream().anyMatch(field -> field.role() == kind.role))
                .toList();
        Kind kind = pick(applicable);
        if (kind.role == null) {
            mutateBytes(kind);
            return;
        }
        List<Field> candidates = fields.stream().filter(field -> field.role() == kind.role).toList();
        switch (kind) {
            case TYPE -> retype(pick(candidates), fields);
            case SWAP_STREAMS -> swapStreams(candidates);
            default -> setAbsurd(pick(candidates));
        }
    }

    private void mutateBytes(Kind kind) {
        switch (kind) {
            case BIT_FLIPS -> {
                int flips = 1 + random.nextInt(64);
                for (int i = 0; i < flips; i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                mutations.add("flip " + flips + " random bit" + (flips == 1 ? "" : "s"));
            }
            case OVERWRITE -> {
                int length = runLength(bytes.length);
                int at = random.nextInt(bytes.length - length + 1);
                int fill = random.nextInt(3);
                if (fill == 0) {
                    byte[] noise = new byte[length];
                    random.nextBytes(noise);
                    System.arraycopy(noise, 0, bytes, at, length);
                } else {
                    Arrays.fill(bytes, at, at + length, (byte) (fill == 1 ? 0 : 0xff));
                }
                mutations.add(String.format(Locale.ROOT, "overwrite %d bytes at 0x%x with %s", length, at,
                        fill == 0 ? "random bytes" : fill == 1 ? "0x00" : "0xFF"));
            }
            case TRUNCATE -> {
                int cut = 1 + random.nextInt(bytes.length - 1);
                mutations.add("truncate to " + cut + " of " + bytes.length + " bytes");
                bytes = Arrays.copyOf(bytes, cut);
            }
            case INSERT -> insert();
            case DELETE -> {
                int length = runLength(bytes.length - 1);
                int at = random.nextInt(bytes.length - length + 1);
                byte[] shorter = new byte[bytes.length - length];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
                bytes = shorter;
                mutations.add(String.format(Locale.ROOT, "delete %d bytes at 0x%x", length, at));
            }
        }
    }

    /** Random bytes, or a stretch of the file itself (a duplicated packet or header, as broken muxers write). */
    private void insert() {
        int length = runLength(LONGEST_RUN);
        int at = random.nextInt(bytes.length + 1);
        byte[] chunk = new byte[length];
        String what;
        if (random.nextBoolean() && bytes.length >= length) {
            int from = random.nextInt(bytes.length - length + 1);
            System.arraycopy(bytes, from, chunk, 0, length);
            what = String.format(Locale.ROOT, "a copy of the %d bytes from 0x%x", length, from);
        } else {
            random.nextBytes(chunk);
            what = length + " random bytes";
        }
        byte[] longer = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, longer, 0, at);
        System.arraycopy(chunk, 0, longer, at, length);
        System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
        bytes = longer;
        mutations.add(String.format(Locale.ROOT, "insert %s at 0x%x", what, at));
    }

    /** 1 to {@code min(most, LONGEST_RUN)}, log-uniformly: short runs as often as long ones. */
    private int runLength(int most) {
        int bound = Math.min(Math.min(most, LONGEST_RUN), 1 << random.nextInt(13));
        return 1 + random.nextInt(bound);
    }

    /**
     * Another type of the same length found in the file (moov for trak, Cues for Cluster), random bytes or zeros (as
     * a file with a hole in it has).
     */
    private void retype(Field field, List<Field> fields) {
        byte[] before = Arrays.copyOfRange(bytes, field.offset(), field.offset() + field.length());
        List<byte[]> others = fields.stream()
                .filter(other -> other.role() == Role.TYPE && other.length() == field.length())
                .map(other -> Arrays.copyOfRange(bytes, other.offset(), other.offset() + other.length()))
                .filter(other -> !Arrays.equals(other, before))
                .toList();
        int choice = random.nextInt(3);
        byte[] after = new byte[field.length()];
        if (choice == 0 && !others.isEmpty()) {
            after = pick(others);
        } else if (choice == 1) {
            random.nextBytes(after);
        }
        System.arraycopy(after, 0, bytes, field.offset(), after.length);
        mutations.add("type " + change(field, shown(before), shown(after)));
    }

    /** Swaps video and audio in one stream kind field, or in all of them. */
    private void swapStreams(List<Field> kinds) {
        List<Field> swapped = random.nextBoolean() ? kinds : List.of(pick(kinds));
        List<String> changes = new ArrayList<>();
        for (Field field : swapped) {
            if (field.encoding() == Encoding.BYTES) {
                String before = new String(bytes, field.offset(), 4, StandardCharsets.ISO_8859_1);
                String after = switch (before) {
                    case "vide" -> "soun";
                    case "soun" -> "vide";
                    case "vids" -> "auds";
                    default -> "vids";
                };
                System.arraycopy(after.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, field.offset(), 4);
                changes.add(change(field, before, after));
            } else {
                long before = field.read(bytes);
                field.write(bytes, 3 - before);
                changes.add(change(field, Long.toString(before), Long.toString(3 - before)));
            }
        }
        mutations.add("swap streams: " + String.join(", ", changes));
    }

    /** One of the values that {@code field}'s role makes absurd, many of them at the edges of its width. */
    private void setAbsurd(Field field) {
        String role = field.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (field.encoding() == Encoding.FLOAT) {
            double before = field.readFloat(bytes);
            double[] values = field.role() == Role.DURATION
                    ? new double[]{0, -1, -1e300, 1e300, Double.NaN, Double.POSITIVE_INFINITY}
                    : new double[]{0, -1, 1e-300, 1e300, Double.NaN, Double.POSITIVE_INFINITY};
            double after = values[random.nextInt(values.length)];
            field.writeFloat(bytes, after);
            mutations.add(role + " " + change(field, Double.toString(before), Double.toString(after)));
            return;
        }
        long before = field.read(bytes);
        long largest = field.largest();
        long huge = largest >>> 1;
        long negative = huge + 1;
        long[] values = switch (field.role()) {
            case SIZE -> new long[]{0, 1, 7, before - 1, before + 1, before * 2, huge, largest, bytes.length,
                    random.nextLong()};
            case COUNT -> new long[]{0, 1, before + 1, before * 16, huge, largest};
            case TABLE_ENTRY -> new long[]{0, 1, before - 1, before + 1, before * 2, bytes.length, huge, negative,
                    largest, random.nextLong()};
            case DIMENSION -> new long[]{0, 1, 65_535, Integer.MAX_VALUE};
            // largest is -1 in two's complement, negative the most negative value
            case DURATION -> new long[]{0, largest, negative, huge, before * 1000};
            case RATE -> new long[]{0, 1, before * 1000, before / 1000, huge, largest};
            default -> throw new IllegalArgumentException(field.role() + " has no absurd integers");
        };
        long after = values[random.nextInt(values.length)] & largest;
        field.write(bytes, after);
        mutations.add(role + " " + change(field, Long.toUnsignedString(before), Long.toUnsignedString(after)));
    }

    private static String change(Field field, String before, String after) {
        return String.format(Locale.ROOT, "%s at 0x%x: %s -> %s", field.name(), field.offset(), before, after);
    }

    /** Printable four-character codes as text, other bytes (EBML IDs) in hex. */
    private static String shown(byte[] value) {
        for (byte b : value) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().withUpperCase().formatHex(value);
            }
        }
        return "'" + new String(value, StandardCharsets.ISO_8859_1) + "'";
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
