package io.fixate.provider.stanet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.ModelOptions;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Weights of a randomly initialised STA net (compact encoders unless told), and clips to run them on. */
final class RandomStanet {

    static final int INPUT_SIZE = 64;

    private RandomStanet() {
    }

    /** Saves a seeded random compact net for frames of {@value #INPUT_SIZE} into {@code folder}. */
    static Path save(Path folder) {
        return save(folder, Encoders.COMPACT);
    }

    /** Saves a seeded random net with the named audio encoder for frames of {@value #INPUT_SIZE}. */
    static Path save(Path folder, String audioEncoder) {
        return save(folder, audioEncoder, FrameFit.SQUASH);
    }

    /** Saves a seeded random net with the named audio encoder for frames of {@value #INPUT_SIZE} fitted so. */
    static Path save(Path folder, String audioEncoder, FrameFit fit) {
        Engine.getInstance().setRandomSeed(11);
        StaNet net = new StaNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(audioEncoder));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, StanetWeights.inputShapes(net, INPUT_SIZE));
            JsonObject extra = new JsonObject();
            extra.addProperty("note", "random initialisation for tests");
            StanetWeights.save(folder, net, INPUT_SIZE, fit, extra);
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
        return clip(count, width, height, AudioRequirement.DEFAULT);
    }

    /** The same frames, each with the tone window {@code audio} describes. */
    static List<FrameWithAudio> clip(int count, int width, int height, AudioRequirement audio) {
        return MovingSquareClip.clip().size(width, height).frames(count, 25).frames(audio);
    }
}
