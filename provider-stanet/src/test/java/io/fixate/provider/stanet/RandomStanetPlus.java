package io.fixate.provider.stanet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import io.fixate.provider.stanet.nets.StaPlusNet;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** STANet+ weights of randomly initialised compact nets ({@link RandomStanet}'s STA and two seeded STA+ nets). */
final class RandomStanetPlus {

    private RandomStanetPlus() {
    }

    /** Saves seeded random STANet+ weights for frames of {@value RandomStanet#INPUT_SIZE} into {@code folder}. */
    static Path save(Path folder) {
        Path sta = RandomStanet.save(folder.resolve("random-sta"));
        try (NDManager manager = NDManager.newBaseManager()) {
            StaPlusNet kind = null;
            for (String name : new String[] {StanetPlusWeights.SHORT, StanetPlusWeights.LONG}) {
                Engine.getInstance().setRandomSeed(name.length());
                kind = new StaPlusNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT), 2,
                        ConservativeGcn.Update.CONSERVATIVE, StaPlusNet.Readout.EQ15);
                kind.initialize(manager, DataType.FLOAT32, StanetPlusWeights.inputShapes(kind, RandomStanet.INPUT_SIZE));
                StanetPlusWeights.saveNet(folder, name, kind);
            }
            JsonObject extra = new JsonObject();
            extra.addProperty("note", "random initialisation for tests");
            StanetPlusWeights.complete(folder, sta.resolve(StanetWeights.PARAMETERS), kind, RandomStanet.INPUT_SIZE,
                    FrameFit.SQUASH, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }
}
