package io.fixate.provider.scam.labeling;

import io.fixate.api.AudioBlock;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Tiny clips for the pipeline tests: pixel (x, y) of frame k is RGB (x, y, k), with a noise audio window. */
final class CoordinateCodedClip {

    static final int SIZE = 48;
    static final long FRAME_MICROS = 40_000;
    static final long FIRST_TIMESTAMP = 1_000_000;
    /** Short audio windows keep the SA net tiny: 4 spectrogram segments. */
    static final int AUDIO_WINDOW = 1024;

    private CoordinateCodedClip() {
    }

    static List<FrameWithAudio> frames(int count) {
        SplittableRandom random = new SplittableRandom(count);
        List<FrameWithAudio> clip = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            clip.add(new FrameWithAudio(frame(k), noise(random, timestamp(k)), true));
        }
        return clip;
    }

    static long timestamp(int frame) {
        return FIRST_TIMESTAMP + frame * FRAME_MICROS;
    }

    private static VideoFrame frame(int k) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int pixel = (y * SIZE + x) * 3;
                rgb[pixel] = (byte) x;
                rgb[pixel + 1] = (byte) y;
                rgb[pixel + 2] = (byte) k;
            }
        }
        return VideoFrame.ofRgb(SIZE, SIZE, timestamp(k), rgb);
    }

    private static AudioBlock noise(SplittableRandom random, long timestamp) {
        float[] samples = new float[AUDIO_WINDOW];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (random.nextDouble() - 0.5);
        }
        return AudioBlock.ofMono(samples, 16_000, timestamp);
    }
}
