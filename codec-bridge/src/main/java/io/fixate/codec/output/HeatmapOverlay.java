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

    /** The frame with the map blended over it, at the frame's size and time. */
    VideoFrame blend(VideoFrame frame, FixationMap map) {
        int width = frame.width();
        int height = frame.height();
        FloatBuffer values = map.resized(width, height).values();
        ByteBuffer source = frame.rgb();
        return VideoFrame.create(width, height, frame.timestampMicros(), out -> {
            for (int pixel = 0; pixel < width * height; pixel++) {
                float m = values.get(pixel);
                double colourWeight = style.opacity() * m;
                int colour = style.colorMap().rgb(m);
                for (int channel = 0; channel < 3; channel++) {
                    int index = pixel * 3 + channel;
                    int original = source.get(index) & 0xFF;
                    int tint = (colour >> (16 - 8 * channel)) & 0xFF;
                    out.put(index, (byte) Math.round(original * (1 - colourWeight) + tint * colourWeight));
                }
            }
        });
    }
}
