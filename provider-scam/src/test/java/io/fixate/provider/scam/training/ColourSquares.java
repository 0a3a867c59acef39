package io.fixate.provider.scam.training;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A synthetic 3-class task: grey frames with a red, green or blue square at a random position; class = colour. */
final class ColourSquares {

    static final int CLASSES = 3;
    static final int FRAME_SIZE = 40;
    private static final int SQUARE = 14;
    /** The square's level in its own colour channel; the background and other channels are far from it. */
    static final int SQUARE_LEVEL = 230;

    private ColourSquares() {
    }

    /** {@code count} samples cycling through the classes, each frame of a triple with its own square. */
    static List<TrainingSample> samples(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int tag = i % CLASSES;
            samples.add(new TrainingSample(frame(tag, random), frame(tag, random), frame(tag, random),
                    AudioBlock.ofMono(new float[8000], 16_000, 0), tag));
        }
        return samples;
    }

    private static VideoFrame frame(int colour, SplittableRandom random) {
        byte[] rgb = new byte[FRAME_SIZE * FRAME_SIZE * 3];
        java.util.Arrays.fill(rgb, (byte) 128);
        int left = random.nextInt(FRAME_SIZE - SQUARE + 1);
        int top = random.nextInt(FRAME_SIZE - SQUARE + 1);
        for (int y = top; y < top + SQUARE; y++) {
            for (int x = left; x < left + SQUARE; x++) {
                int pixel = (y * FRAME_SIZE + x) * 3;
                for (int c = 0; c < 3; c++) {
                    rgb[pixel + c] = (byte) (c == colour ? SQUARE_LEVEL : 20);
                }
            }
        }
        return VideoFrame.ofRgb(FRAME_SIZE, FRAME_SIZE, 0, rgb);
    }
}
