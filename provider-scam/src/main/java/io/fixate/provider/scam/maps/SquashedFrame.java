package io.fixate.provider.scam.maps;

import io.fixate.api.VideoFrame;
import io.fixate.spi.djl.PlaneResize;

import java.nio.ByteBuffer;

/**
 * A frame squashed to the square side a net takes, with the bilinear rule of the nets' preprocessing, so that the
 * preprocessing of the squashed frame gives the same input as that of the frame (up to rounding to bytes). SCAM+
 * keeps frames it needs long after their time (long-term companions, the Cross gallery) at this size.
 */
public final class SquashedFrame {

    private static final int CHANNELS = 3;

    private SquashedFrame() {
    }

    /** {@code frame} resized to {@code side} × {@code side}, with its timestamp. */
    public static VideoFrame of(VideoFrame frame, int side) {
        ByteBuffer rgb = frame.rgb();
        byte[] squashed = new byte[side * side * CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            int channel = c;
            float[] plane = PlaneResize.bilinear(pixel -> rgb.get(pixel * CHANNELS + channel) & 0xFF, frame.width(),
                    frame.height(), side, side);
            for (int i = 0; i < plane.length; i++) {
                squashed[i * CHANNELS + c] = (byte) Math.round(plane[i]);
            }
        }
        return VideoFrame.ofRgb(side, side, frame.timestampMicros(), squashed);
    }
}
