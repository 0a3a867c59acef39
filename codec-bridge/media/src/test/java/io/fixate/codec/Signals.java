package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;

/** Measurements on decoded test media. */
final class Signals {

    private Signals() {
    }

    /** Sign changes of channel 0 between sample frames {@code from} (inclusive) and {@code to} (exclusive). */
    static int zeroCrossings(AudioBlock block, int from, int to) {
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if ((block.sample(i - 1, 0) < 0) != (block.sample(i, 0) < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    /** Root mean square of channel 0 between sample frames {@code from} (inclusive) and {@code to} (exclusive). */
    static double rms(AudioBlock block, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) block.sample(i, 0) * block.sample(i, 0);
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** The mean x of the clearly red pixels of a {@link MovingSquareClip} frame, or -1 when there are none. */
    static double redCentreX(VideoFrame frame) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.channel(x, y, 0) > 150 && frame.channel(x, y, 2) < 100) {
                    sum += x;
                    count++;
                }
            }
        }
        return count == 0 ? -1 : sum / count;
    }
}
