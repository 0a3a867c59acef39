package io.fixate.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The resident set size of this JVM (Java heap, native memory of PyTorch and FFmpeg, code), read from {@code
 * /proc/self/status}, and the verdict on a series of samples of it.
 */
public final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String FIELD = "VmRSS:";
    /** Growth from the first to the last sample that still counts as flat. */
    private static final double FLAT_GROWTH = 0.10;

    private ResidentMemory() {
    }

    /** Resident kibibytes now. */
    public static long kibibytes() throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(FIELD)) {
                return Long.parseLong(line.substring(FIELD.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(STATUS + " has no " + FIELD + " line (resident memory is read on Linux only)");
    }

    /**
     * Whether samples taken every {@code sampleSeconds} stay flat: the last is less than {@value #FLAT_GROWTH} × 100 %
     * above the first, and the second half does not climb at every step at a rate that would add that much within an
     * hour of streaming. A steady climb that a short run keeps under the threshold is still a leak (one 96 × 96 float
     * map a frame is about 53 MiB a minute at 25 fps); a few KiB a sample is the heap and the allocator settling.
     */
    public static boolean isFlat(List<Long> samples, double sampleSeconds) {
        long first = samples.get(0);
        long last = samples.get(samples.size() - 1);
        if (last - first >= FLAT_GROWTH * first) {
            return false;
        }
        List<Long> secondHalf = secondHalf(samples);
        if (secondHalf.size() < 3) {
            return true;
        }
        for (int i = 1; i < secondHalf.size(); i++) {
            if (secondHalf.get(i) <= secondHalf.get(i - 1)) {
                return true;
            }
        }
        return secondHalfRisePerHour(samples, sampleSeconds) < FLAT_GROWTH * first;
    }

    /** How fast the second half of the samples rose, in KiB per hour of streaming (negative when it fell). */
    public static double secondHalfRisePerHour(List<Long> samples, double sampleSeconds) {
        List<Long> secondHalf = secondHalf(samples);
        if (secondHalf.size() < 2) {
            return 0;
        }
        double hours = (secondHalf.size() - 1) * sampleSeconds / 3600;
        return (secondHalf.get(secondHalf.size() - 1) - secondHalf.get(0)) / hours;
    }

    private static List<Long> secondHalf(List<Long> samples) {
        return samples.subList(samples.size() / 2, samples.size());
    }
}
