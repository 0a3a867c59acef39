package io.fixate.samples.stavis;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.AudioRequirement;
import io.fixate.api.ModelOptions;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Weights of a seeded, randomly initialised compact STAViS net for tests, and clips to run them on. */
final class RandomStavis {

    static final int INPUT_SIZE = 32;

    private RandomStavis() {
    }

    /** Saves a seeded random net over clips of {@code frames} frames into {@code folder}. */
    static Path save(Path folder, int frames) {
        Engine.getInstance().setRandomSeed(11);
        StavisNet net = new StavisNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT), frames, 8,
                StavisNet.Mode.AUDIO_VISUAL);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, StavisWeights.inputShapes(net, INPUT_SIZE, 1));
            JsonObject extra = new JsonObject();
            extra.addProperty("note", "random initialisation for tests");
            StavisWeights.save(folder, net, INPUT_SIZE, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    static ModelOptions options(Path weights) {
        return ModelOptions.builder().weights(weights).build();
    }

    /** {@code count} frames of the fixtures' moving square at 25 fps, each with its half-second tone window. */
    static List<FrameWithAudio> clip(int count, int width, int height) {
        return MovingSquareClip.clip().size(width, height).frames(count, 25).frames(AudioRequirement.DEFAULT);
    }
}
