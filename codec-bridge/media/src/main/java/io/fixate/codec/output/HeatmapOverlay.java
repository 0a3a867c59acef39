package io.fixate.codec.output;

import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Draws a fixation map over a frame by the rule documented on {@link HeatmapStyle}.
 *
 * <p>Map values are drawn in steps of 1/{@value #LEVELS}, which turns the per-pixel blend into one table lookup per
 * channel (a 4K frame has 8.3 million pixels). A step moves no channel by more than one level: the steepest colour map,
 * jet, changes a channel by 4 × 255 per unit of the map, so by at most 0.5 level within half a step.
 */
final class HeatmapOverlay {

    static final int LEVELS = 1024;
    private static final int CHANNELS = 3;
    private static final int BYTE_VALUES = 256;

    /** The output byte for a quantised map level, a channel and the frame's byte, at {@link #entry}. */
    private final byte[] blended = new byte[(LEVELS + 1) * CHANNELS * BYTE_VALUES];

    HeatmapOverlay(HeatmapStyle style) {
        for (int level = 0; level <= LEVELS; level++) {
            float m = (float) level / LEVELS;
            double colourWeight = style.opacity() * m;
            int colour = style.colorMap().rgb(m);
            for (int channel = 0; channel < CHANNELS; channel++) {
                int tint = (colour >> (16 - 8 * channel)) & 0xFF;
                for (int original = 0; original < BYTE_VALUES; original++) {
                    blended[entry(level, channel, original)] =
                            (byte) Math.round(original * (1 - colourWeight) + tint * colourWeight);
                }
            }
        }
    }

    /** The frame with the map blended over it, at the frame's size and time; the map is resized a row at a time. */
    VideoFrame blend(VideoFrame frame, FixationMap map) {
        int width = frame.width();
        int rowBytes = width * CHANNELS;
        ByteBuffer source = frame.rgb();
        byte[] original = new byte[rowBytes];
        byte[] drawn = new byte[rowBytes];
        return VideoFrame.create(width, frame.height(), frame.timestampMicros(), out ->
                map.resizedRows(width, frame.height(), (y, values) -> {
                    source.get(y * rowBytes, original);
                    for (int x = 0, index = 0; x < width; x++, index += CHANNELS) {
                        int base = level(values[x]) * CHANNELS * BYTE_VALUES;
                        drawn[index] = blended[base + (original[index] & 0xFF)];
                        drawn[index + 1] = blended[base + BYTE_VALUES + (original[index + 1] & 0xFF)];
                        drawn[index + 2] = blended[base + 2 * BYTE_VALUES + (original[index + 2] & 0xFF)];
                    }
                    out.put(y * rowBytes, drawn);
                }));
    }

    /** The nearest level of a map value; values outside [0, 1] are clamped and NaN counts as 0, as in ColorMap. */
    private static int level(float value) {
        // to the nearest level, ties up; cheaper than Math.round, whose exact handling of halves a 1/1024 step does
        // not need
        return value > 0 ? (int) (Math.min(value, 1f) * LEVELS + 0.5f) : 0;
    }

    private static int entry(int level, int channel, int original) {
        return (level * CHANNELS + channel) * BYTE_VALUES + original;
    }
}
