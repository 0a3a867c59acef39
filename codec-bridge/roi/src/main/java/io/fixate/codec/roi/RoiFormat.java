package io.fixate.codec.roi;

import io.fixate.api.InvalidOptionsException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ROI/QP map formats Fixate writes, with what each encoder expects: block sizes, the padding its coded picture is
 * aligned to, the range and unit of its offsets, and how many distinct offsets a frame may use.
 */
public enum RoiFormat {
    /** SVT-AV1 {@code --roi-map-file}: text events {@code <picture> <offset>...}, 64×64 blocks, qindex ±255. */
    SVT_AV1("svt-av1", new int[] {64}, 8, -255, 255, 4, RoiSettings.MAX_LEVELS),
    /** x264 {@code quant_offsets}: raw little-endian floats per 16×16 macroblock, plus a JSON index. */
    X264("x264", new int[] {16}, 16, -51, 51, 1, 0),
    /** x265 {@code quantOffsets}: floats per 16×16 block, or 8×8 with {@code qg-size=8}, plus a JSON index. */
    X265("x265", new int[] {16, 8}, 8, -51, 51, 1, 0),
    /** NVENC {@code qpDeltaMap}: int8 per 16×16 H.264 macroblock, 32×32 HEVC CTB or 64×64 AV1 superblock. */
    NVENC("nvenc", new int[] {16, 32, 64}, 16, -51, 51, 1, 0),
    /** Kvazaar {@code --roi} text: per frame {@code width height} and that many ΔQP in −26…25. */
    KVAZAAR("kvazaar", new int[] {64, 32, 16, 8}, 8, -26, 25, 1, 0),
    /** Kvazaar {@code --roi} binary: per frame int32 width, int32 height, int8 ΔQP values. */
    KVAZAAR_BINARY("kvazaar-bin", new int[] {64, 32, 16, 8}, 8, -26, 25, 1, 0),
    /**
     * FFmpeg {@code AVRegionOfInterest} rectangles per frame as JSON, {@code qoffset} in [−1, 1]. Seven levels by
     * default, zero among them: libvpx keeps one of its eight segments for blocks without a region.
     */
    FFMPEG_ROI("ffmpeg-roi", new int[] {16, 8, 32, 64}, 1, -51, 51, 1, RoiSettings.MAX_LEVELS - 1),
    /** GStreamer {@code GstVideoRegionOfInterestMeta} per frame as JSON, with {@code roi/vaapi} {@code delta-qp}. */
    GSTREAMER_ROI("gstreamer-roi", new int[] {16, 8, 32, 64}, 1, -51, 51, 1, RoiSettings.MAX_LEVELS - 1),
    /** Fixate's own JSON: the offset grid of every frame in QP steps, for tools that read none of the above. */
    JSON("json", new int[] {16, 8, 32, 64}, 1, -51, 51, 1, 0);

    private final String id;
    private final int[] blockSizes;
    private final int alignment;
    private final int lowestValue;
    private final int highestValue;
    private final double unitsPerQp;
    private final int defaultLevels;

    RoiFormat(String id, int[] blockSizes, int alignment, int lowestValue, int highestValue, double unitsPerQp,
              int defaultLevels) {
        this.id = id;
        this.blockSizes = blockSizes;
        this.alignment = alignment;
        this.lowestValue = lowestValue;
        this.highestValue = highestValue;
        this.unitsPerQp = unitsPerQp;
        this.defaultLevels = defaultLevels;
    }

    /** The name on the command line, e.g. {@code svt-av1}. */
    public String id() {
        return id;
    }

    /**
     * The format named {@code id}.
     *
     * @throws InvalidOptionsException listing the formats
     */
    public static RoiFormat of(String id) {
        for (RoiFormat format : values()) {
            if (format.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidOptionsException("unknown ROI format '" + id + "': use one of " + Arrays.stream(values())
                .map(RoiFormat::id).collect(Collectors.joining(", ")));
    }

    /** The block sizes this format takes, the default first. */
    public int[] blockSizes() {
        return blockSizes.clone();
    }

    /** The multiple the encoder pads the coded picture's sides to (1080 lines are coded as 1088 in H.264). */
    public int alignment() {
        return alignment;
    }

    /** The most negative offset the format can carry, in QP steps. */
    public double lowestQp() {
        return lowestValue / unitsPerQp;
    }

    /** The most positive offset the format can carry, in QP steps. */
    public double highestQp() {
        return highestValue / unitsPerQp;
    }

    /** The block size the settings ask for, or this format's default. */
    int blockSize(RoiSettings settings) {
        int asked = settings.blockSize();
        if (asked == 0) {
            return blockSizes[0];
        }
        for (int size : blockSizes) {
            if (size == asked) {
                return size;
            }
        }
        throw new InvalidOptionsException(id + " takes blocks of " + Arrays.stream(blockSizes)
                .mapToObj(String::valueOf).collect(Collectors.joining(", ")) + " pixels, not " + asked);
    }

    /** The levels the settings ask for, or this format's own limit. */
    int levels(RoiSettings settings) {
        return settings.levels() == 0 ? defaultLevels : settings.levels();
    }

    /** An offset in this format's integer unit, rounded and clamped to its range. */
    int integerValue(float qp) {
        long value = Math.round(qp * unitsPerQp);
        return (int) Math.max(lowestValue, Math.min(highestValue, value));
    }
}
