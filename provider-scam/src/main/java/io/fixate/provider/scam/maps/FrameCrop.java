package io.fixate.provider.scam.maps;

import io.fixate.api.VideoFrame;

import java.nio.ByteBuffer;

/**
 * The crop that feeds the fine stage (reference {@code Coarse_Fine_crop}, fact sheet §4). The reference crops a copy
 * of the frame squashed to the 356×356 CAM grid; this crops the frame itself at the box rescaled to its pixel grid,
 * which is the same region without a resampling pass; the fine nets' preprocessing resizes the crop to their input.
 */
public final class FrameCrop {

    private FrameCrop() {
    }

    /**
     * The pixels of {@code frame} inside {@code box}, with the frame's timestamp.
     *
     * @param box a box on any grid, rescaled to the frame as {@link GridBox#rescaledTo} describes
     */
    public static VideoFrame crop(VideoFrame frame, GridBox box) {
        GridBox pixels = box.rescaledTo(frame.width(), frame.height());
        ByteBuffer source = frame.rgb();
        int rowBytes = pixels.width() * 3;
        return VideoFrame.create(pixels.width(), pixels.height(), frame.timestampMicros(), target -> {
            byte[] row = new byte[rowBytes];
            for (int y = pixels.top(); y <= pixels.bottom(); y++) {
                source.get((y * frame.width() + pixels.left()) * 3, row);
                target.put(row);
            }
        });
    }
}
