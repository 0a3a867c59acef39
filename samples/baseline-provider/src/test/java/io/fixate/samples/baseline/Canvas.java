package io.fixate.samples.baseline;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;

import java.util.Arrays;

/** Paints synthetic test frames: a uniform grey background with filled squares. */
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

    /** A 440 Hz tone of the given amplitude as the frame's audio window, in the baseline's audio format. */
    static FrameWithAudio withTone(VideoFrame frame, double amplitude) {
        AudioRequirement requirement = AudioRequirement.DEFAULT;
        float[] samples = new float[requirement.windowSamples()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * 440 * i / requirement.sampleRate()));
        }
        long start = frame.timestampMicros() - requirement.windowMicros() / 2;
        return new FrameWithAudio(frame, AudioBlock.ofMono(samples, requirement.sampleRate(), start), true);
    }
}
