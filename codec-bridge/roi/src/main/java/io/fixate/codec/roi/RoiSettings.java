package io.fixate.codec.roi;

import io.fixate.api.InvalidOptionsException;
import java.util.Objects;

/**
 * How fixation maps become QP offsets; see {@link QpMapper} for the order the steps run in. Offsets are in QP steps
 * of H.264/HEVC (6 steps halve or double the bits of a block); formats with other units convert on export.
 *
 * @param blockSize       block side in pixels; 0 takes the format's default
 * @param pooling         how the attention inside a block is reduced to one value
 * @param strength        the largest offset of the mapping in either direction, in QP steps: a block no one looks at
 *                        gets {@code +strength}, the most looked-at block {@code -strength} (before the budget)
 * @param smoothingMillis time constant of the exponential average over frames that keeps offsets from flickering;
 *                        0 turns it off
 * @param zeroMean        whether each frame's offsets are shifted to average zero, so that rate control keeps the
 *                        average bitrate and ROI only moves bits within the picture
 * @param levels          how many distinct offsets a frame may use (2 to 8, as AV1 segments); 0 keeps the offsets
 *                        continuous, or takes the format's own limit where it has one
 */
public record RoiSettings(int blockSize, BlockPooling pooling, double strength, double smoothingMillis,
                          boolean zeroMean, int levels) {

    /** The most distinct offsets one frame can carry in AV1 (segments) and VP9. */
    public static final int MAX_LEVELS = 8;
    /** The largest strength: the whole QP range of 8-bit H.264. */
    public static final double MAX_STRENGTH = 51;

    public RoiSettings {
        Objects.requireNonNull(pooling, "pooling");
        if (blockSize < 0) {
            throw new InvalidOptionsException("block size must be positive, got " + blockSize);
        }
        if (!(strength >= 0 && strength <= MAX_STRENGTH)) {
            throw new InvalidOptionsException("strength must be in [0, " + MAX_STRENGTH + "] QP steps, got "
                    + strength);
        }
        if (!(smoothingMillis >= 0 && smoothingMillis <= 60_000)) {
            throw new InvalidOptionsException("smoothing must be in [0, 60000] ms, got " + smoothingMillis);
        }
        if (levels != 0 && (levels < 2 || levels > MAX_LEVELS)) {
            throw new InvalidOptionsException("levels must be 0 (continuous) or 2 to " + MAX_LEVELS + ", got "
                    + levels);
        }
    }

    /**
     * The format's default block, mean pooling, strength 4, 200 ms smoothing, zero mean, the format's levels. Strength
     * 4 kept most of the attention-weighted gain of 6 at about a third of its cost to the rest of the picture on the
     * benchmark's validation clips and did better on real clips (docs/compression.md).
     */
    public static RoiSettings defaults() {
        return new RoiSettings(0, BlockPooling.mean(), 4, 200, true, 0);
    }

    public RoiSettings withBlockSize(int pixels) {
        return new RoiSettings(pixels, pooling, strength, smoothingMillis, zeroMean, levels);
    }

    public RoiSettings withPooling(BlockPooling reduction) {
        return new RoiSettings(blockSize, reduction, strength, smoothingMillis, zeroMean, levels);
    }

    public RoiSettings withStrength(double qpSteps) {
        return new RoiSettings(blockSize, pooling, qpSteps, smoothingMillis, zeroMean, levels);
    }

    public RoiSettings withSmoothingMillis(double millis) {
        return new RoiSettings(blockSize, pooling, strength, millis, zeroMean, levels);
    }

    public RoiSettings withZeroMean(boolean keepMean) {
        return new RoiSettings(blockSize, pooling, strength, smoothingMillis, keepMean, levels);
    }

    public RoiSettings withLevels(int count) {
        return new RoiSettings(blockSize, pooling, strength, smoothingMillis, zeroMean, count);
    }
}
