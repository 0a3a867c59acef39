package io.fixate.provider.stanet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.ModelOptions;
import io.fixate.api.VideoFrame;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Weights of a randomly initialised compact STA net, and clips to run them on. */
final class RandomStanet {

    static final int INPUT_SIZE = 64;
    static final long FRAME_MICROS = 40_000;

    private RandomStanet() {
    }

    /** Saves a seeded random net for frames of {@value #INPUT_SIZE} into {@code folder}. */
    static Path save(Path folder) {
        Engine.getInstance().setRandomSeed(11);
        StaNet net = new StaNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, StanetWeights.inputShapes(INPUT_SIZE));
            JsonObject extra = new JsonObject();
            extra.addProperty("note", "random initialisation for tests");
            StanetWeights.save(folder, net, INPUT_SIZE, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    static ModelOptions options(Path weights) {
        return ModelOptions.builder().weights(weights).build();
    }

    /**
     * {@code count} frames of a bright square moving over a gradient, 25 fps, with a tone whose pitch follows the
     * frame index so that every audio window differs.
     */
    static List<FrameWithAudio> clip(int count, int width, int height) {
        AudioRequirement audio = AudioRequirement.DEFAULT;
        List<FrameWithAudio> frames = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            long timestamp = t * FRAME_MICROS;
            int square = Math.min(width, height) / 4;
            int left = (t * 7) % (width - square);
            int top = (t * 3) % (height - square);
            byte[] rgb = new byte[width * height * 3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    boolean inside = x >= left && x < left + square && y >= top && y < top + square;
                    int i = (y * width + x) * 3;
                    rgb[i] = (byte) (inside ? 250 : x * 255 / width);
                    rgb[i + 1] = (byte) (inside ? 240 : y * 255 / height);
                    rgb[i + 2] = (byte) (inside ? 30 : 90);
                }
            }
            float[] samples = new float[audio.windowSamples()];
            for (int s = 0; s < samples.length; s++) {
                samples[s] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + 40 * t) * s / audio.sampleRate()));
            }
            AudioBlock window = AudioBlock.ofMono(samples, audio.sampleRate(), timestamp - audio.windowMicros() / 2);
            frames.add(new FrameWithAudio(VideoFrame.ofRgb(width, height, timestamp, rgb), window, true));
        }
        return frames;
    }
}
