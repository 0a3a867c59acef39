package io.fixate.cli;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.codec.output.VideoFileWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The benchmarks' generated clip: 640×360 at 25 fps, a white square bouncing across a dark background and a steady
 * 440 Hz tone. Every frame and every stretch of sound is a pure function of its index, so a source of any length
 * costs no memory, and the same clip can be written to a file or fed to a session directly.
 */
final class SyntheticClip {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final double FRAME_RATE = 25;
    static final int SAMPLE_RATE = 16_000;

    private static final int SQUARE = 64;
    private static final int PIXELS_PER_FRAME = 8;
    private static final double TONE_HZ = 440;
    private static final float TONE_LEVEL = 0.3f;
    private static final byte BACKGROUND = 32;
    private static final int SAMPLES_PER_FRAME = (int) (SAMPLE_RATE / FRAME_RATE);

    private SyntheticClip() {
    }

    /** Writes {@code seconds} of the clip, picture and sound, to {@code target} (an .mp4, .mov or .mkv). */
    static void write(Path target, int seconds) throws IOException {
        VideoFileWriter writer = VideoFileWriter.open(target, WIDTH, HEIGHT, FRAME_RATE, SAMPLE_RATE, 1);
        try {
            for (long index = 0; index < Math.round(seconds * FRAME_RATE); index++) {
                writer.write(picture(index));
                writer.writeAudio(tone(index * SAMPLES_PER_FRAME, SAMPLES_PER_FRAME));
            }
            writer.close();
        } catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    /** Frame {@code index} with the audio window {@code audio} asks for, centred on the frame's time. */
    static FrameWithAudio frameWithAudio(long index, AudioRequirement audio) {
        VideoFrame picture = picture(index);
        long centre = Math.round(index / FRAME_RATE * audio.sampleRate());
        long first = centre - audio.windowSamples() / 2;
        float[] samples = new float[audio.windowSamples()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = toneSample(first + i, audio.sampleRate());
        }
        long startMicros = Math.round(first * 1e6 / audio.sampleRate());
        return new FrameWithAudio(picture, AudioBlock.ofMono(samples, audio.sampleRate(), startMicros), true);
    }

    /** Frame {@code index}: the square's left edge moves {@value #PIXELS_PER_FRAME} pixels a frame, back and forth. */
    static VideoFrame picture(long index) {
        int travel = WIDTH - SQUARE;
        int phase = (int) (index * PIXELS_PER_FRAME % (2L * travel));
        int left = phase <= travel ? phase : 2 * travel - phase;
        int top = (HEIGHT - SQUARE) / 2;
        long timestamp = Math.round(index * 1e6 / FRAME_RATE);
        return VideoFrame.create(WIDTH, HEIGHT, timestamp, rgb -> {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean inSquare = x >= left && x < left + SQUARE && y >= top && y < top + SQUARE;
                    byte value = inSquare ? (byte) 255 : BACKGROUND;
                    rgb.put(value).put(value).put(value);
                }
            }
        });
    }

    private static AudioBlock tone(long firstSample, int samples) {
        float[] mono = new float[samples];
        for (int i = 0; i < samples; i++) {
            mono[i] = toneSample(firstSample + i, SAMPLE_RATE);
        }
        return AudioBlock.ofMono(mono, SAMPLE_RATE, Math.round(firstSample * 1e6 / SAMPLE_RATE));
    }

    private static float toneSample(long sample, int sampleRate) {
        return (float) (TONE_LEVEL * Math.sin(2 * Math.PI * TONE_HZ * sample / sampleRate));
    }
}
