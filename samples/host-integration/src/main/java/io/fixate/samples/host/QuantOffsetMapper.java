package io.fixate.samples.host;

import io.fixate.api.BlockGrid;
import io.fixate.api.FixationMap;
import io.fixate.api.Pooling;

/**
 * How a compression tool spends bits where people look: the fixation map pooled onto 16×16 macroblocks and turned
 * into x264/x265 {@code quant_offsets} (one float per macroblock, raster order, negative = finer quantiser = more
 * bits). The offset of a block of mean attention {@code a} in a frame of mean attention {@code m} is
 * {@code -strength * (a - m) / max(m, 1 - m)}: monotone, within [-strength, +strength], zero for a block of average
 * attention, so the frame's bit budget stays roughly where rate control put it.
 */
public final class QuantOffsetMapper {

    /** The macroblock size of H.264 and of x265 with its default quantisation group. */
    public static final int MACROBLOCK = 16;

    private final double strength;

    /** @param strength the largest QP change in either direction, e.g. 6 (about a halving or doubling of bits) */
    public QuantOffsetMapper(double strength) {
        if (!(strength >= 0 && strength <= 51)) {
            throw new IllegalArgumentException("strength must be in [0, 51] QP, got " + strength);
        }
        this.strength = strength;
    }

    /** The per-macroblock QP offsets for one frame. */
    public float[] quantOffsets(FixationMap map) {
        BlockGrid blocks = map.blockGrid(MACROBLOCK, Pooling.MEAN);
        float[] attention = blocks.toArray();
        double mean = 0;
        for (float a : attention) {
            mean += a;
        }
        mean /= attention.length;
        double spread = Math.max(mean, 1 - mean);
        float[] offsets = new float[attention.length];
        for (int i = 0; i < attention.length; i++) {
            double relative = spread == 0 ? 0 : (attention[i] - mean) / spread;
            offsets[i] = (float) (-strength * relative);
        }
        return offsets;
    }
}
