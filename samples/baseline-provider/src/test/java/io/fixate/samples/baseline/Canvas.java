package io.fixate.samples.baseline;

import io.fixate.api.VideoFrame;

import java.util.Arrays;

/**
 * Paints single test scenes: a uniform grey background with filled squares where a test puts them. Not a clip: the
 * baseline's tests place still and moving squares of chosen brightness to check where its peak goes, which
 * {@code MovingSquareClip}'s one square on a fixed path cannot express.
 */
final class Canvas {

    private final int width;
    private final int height;
    private final byte[] rgb;

    Canvas(int width, int height, int grey) {
        this.width = width;
        this.height = height;
        this.rgb = new byte[width * height * 3];
        Arrays.fill(rgb, (byte) grey);
    }

    Canvas square(int left, int top, int size, int grey) {
        for (int y = top; y < top + size; y++) {
            Arrays.fill(rgb, (y * width + left) * 3, (y * width + left + size) * 3, (byte) grey);
        }
        return this;
    }

    VideoFrame frame(long timestampMicros) {
        return VideoFrame.ofRgb(width, height, timestampMicros, rgb);
    }
}
