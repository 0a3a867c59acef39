package io.fixate.codec.output;

import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/** Draws a fixation map over a frame by the rule documented on {@link HeatmapStyle}. */
final class HeatmapOverlay {

    private final HeatmapStyle style;

    HeatmapOverlay(HeatmapStyle style) {
        this.style = style;
    }

    /** The blended picture in the canonical packed RGB layout of {@link VideoFrame}, at the frame's size. */
    byte[] blend(VideoFrame frame, FixationMap map) {
        int width = frame.width();
        int height = frame.height();
        FloatBuffer values = map.resized(width, height).values();
        ByteBuffer source = frame.rgb();
        byte[] out = new byte[width * height * 3];
        for (int pixel = 0; pixel < width * height; pixel++) {
            float m = values.get(pixel);
            double colourWeight = style.opacity() * m;
            int colour = style.colorMap().rgb(m);
            for (int channel = 0; channel < 3; channel++) {
                int index = pixel * 3 + channel;
                int original = source.get(index) & 0xFF;
                int tint = (colour >> (16 - 8 * channel)) & 0xFF;
                out[index] = (byte) Math.round(original * (1 - colourWeight) + tint * colourWeight);
            }
        }
        return out;
    }
}
