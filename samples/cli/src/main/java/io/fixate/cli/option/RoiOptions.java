package io.fixate.cli.option;

import io.fixate.codec.roi.BlockPooling;
import io.fixate.codec.roi.RoiSettings;
import picocli.CommandLine.Option;

/** How fixation maps become encoder QP offsets; shared by {@code roi} and {@code encode}. */
public final class RoiOptions {

    @Option(names = "--block", paramLabel = "N", defaultValue = "0",
            description = "Block side in pixels (8, 16, 32 or 64 as the format allows). Default: the format's own.")
    int block;

    @Option(names = {"--strength", "--roi-strength"}, paramLabel = "QP", defaultValue = "4",
            description = "Largest QP offset of the mapping either way, in H.264/HEVC QP steps (6 doubles or halves "
                    + "a block's bits). Default: ${DEFAULT-VALUE}.")
    double strength;

    @Option(names = "--pooling", paramLabel = "mean|max|pNN", defaultValue = "mean",
            description = "How a block's attention is reduced: mean, max, or a percentile such as p90. "
                    + "Default: ${DEFAULT-VALUE}.")
    String pooling;

    @Option(names = "--smoothing", paramLabel = "MS", defaultValue = "200",
            description = "Time constant of the average over frames that keeps offsets from flickering, in "
                    + "milliseconds; 0 = none. Default: ${DEFAULT-VALUE}.")
    double smoothingMillis;

    @Option(names = "--levels", paramLabel = "L", defaultValue = "0",
            description = "Distinct offsets per frame, 2 to 8; 0 = the format's own (8 for svt-av1, 7 for ffmpeg-roi "
                    + "and gstreamer-roi, continuous otherwise).")
    int levels;

    @Option(names = "--no-zero-mean", description = "Do not shift each frame's offsets to average zero (then the "
            + "average bitrate moves with the map).")
    boolean noZeroMean;

    /** The settings these options give. */
    public RoiSettings settings() {
        return new RoiSettings(block, BlockPooling.parse(pooling), strength, smoothingMillis, !noZeroMean, levels);
    }
}
