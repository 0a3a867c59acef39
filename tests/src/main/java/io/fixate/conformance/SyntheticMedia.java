package io.fixate.conformance;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Media made in code, so that the kit needs no files: frames at 25 fps with two squares moving in opposite
 * directions over grey, and a 440 Hz tone as each frame's audio window.
 */
final class SyntheticMedia {

    static final long FRAME_MICROS = 40_000;
    static final int WIDTH = 96;
    static final int HEIGHT = 64;
    private static final int SQUARE = 12;

    private SyntheticMedia() {
    }

    /** Frame {@code number} of the moving-squares clip, at {@code number × 40 ms}. */
    static VideoFrame frame(int number, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        Arrays.fill(rgb, (byte) 110);
        int travel = Math.max(1, width - SQUARE);
        paintSquare(rgb, width, height, (3 * number) % travel, height / 4, 230);
        paintSquare(rgb, width, height, travel - (2 * number) % travel, height / 2, 20);
        return VideoFrame.ofRgb(width, height, number * FRAME_MICROS, rgb);
    }

    static VideoFrame frame(int number) {
        return frame(number, WIDTH, HEIGHT);
    }

    private static void paintSquare(byte[] rgb, int width, int height, int left, int top, int grey) {
        for (int y = top; y < Math.min(height, top + SQUARE); y++) {
            for (int x = left; x < Math.min(width, left + SQUARE); x++) {
                Arrays.fill(rgb, (y * width + x) * 3, (y * width + x) * 3 + 3, (byte) grey);
            }
        }
    }

    /**
     * The frame with a tone window in the format {@code requirement} describes, centred on the frame's time. To make
     * audio at a wrong rate, pass a requirement with that rate.
     */
    static FrameWithAudio withTone(VideoFrame frame, AudioRequirement requirement) {
        int sampleRate = requirement.sampleRate();
        float[] samples = new float[requirement.windowSamples()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
        }
        long start = frame.timestampMicros() - requirement.windowMicros() / 2;
        return new FrameWithAudio(frame, AudioBlock.ofMono(samples, sampleRate, start), true);
    }

    /** The first {@code frames} frames of the clip, each with its tone window. */
    static List<FrameWithAudio> clip(int frames, AudioRequirement requirement) {
        List<FrameWithAudio> clip = new ArrayList<>(frames);
        for (int n = 0; n < frames; n++) {
            clip.add(withTone(frame(n), requirement));
        }
        return clip;
    }
}
