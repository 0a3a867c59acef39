package io.fixate.samples.avrsp;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.samples.avrsp.nets.AvrspConfig;
import io.fixate.samples.avrsp.nets.AvrspNet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Weights of a randomly initialised AVRSP net, and clips to run them on. */
final class RandomAvrsp {

    static final int INPUT_SIZE = 32;

    private RandomAvrsp() {
    }

    /** Saves a seeded random net of the default architecture for frames of {@value #INPUT_SIZE} into {@code folder}. */
    static Path save(Path folder) {
        return save(folder, AvrspConfig.DEFAULT);
    }

    /** Saves a seeded random net of {@code config} for frames of {@value #INPUT_SIZE} into {@code folder}. */
    static Path save(Path folder, AvrspConfig config) {
        Engine.getInstance().setRandomSeed(11);
        AvrspNet net = new AvrspNet(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, AvrspWeights.inputShapes(net, INPUT_SIZE, 1));
            JsonObject extra = new JsonObject();
            extra.addProperty("note", "random initialisation for tests");
            AvrspWeights.save(folder, net, INPUT_SIZE, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** {@code count} frames of the fixtures' moving square at 25 fps, each with its half-second tone window. */
    static List<FrameWithAudio> clip(int count, int width, int height) {
        return MovingSquareClip.clip().size(width, height).frames(count, 25).frames(AudioRequirement.DEFAULT);
    }
}
