package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Early stopping for a net trained in epochs: the per-epoch record (mean loss and validation CC) and the weights of
 * the best epoch so far, both kept in the checkpoint folder so that they survive an interruption, and at the end the
 * best epoch's weights put back into the net. The best epoch is the first with the highest validation CC, the last
 * recorded one when no epoch has a CC (no validation clips). A small dataset over-fits long before the last epoch.
 */
public final class EpochSelection {

    /** The per-epoch record, kept across an interruption. */
    private static final String EPOCHS_FILE = "epochs.json";
    private static final String EPOCH_WEIGHTS_PREFIX = "epoch-";
    private static final String EPOCH_WEIGHTS_SUFFIX = ".params";

    private final Block net;
    private final String modelId;
    private final Path checkpoints;
    private final JsonArray epochs;

    /**
     * Resumes the record of the first {@code epochsDone} epochs an interrupted run kept in {@code checkpoints}; an
     * epoch whose checkpoint was written but whose record was not (an interruption between the two) has none.
     *
     * @param modelId identifies the net's architecture in the kept weights' manifests
     */
    public EpochSelection(Block net, String modelId, Path checkpoints, int epochsDone) throws IOException {
        this.net = net;
        this.modelId = modelId;
        this.checkpoints = checkpoints;
        epochs = new JsonArray();
        Path file = checkpoints.resolve(EPOCHS_FILE);
        if (epochsDone > 0 && Files.exists(file)) {
            for (JsonElement epoch : JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonArray()) {
                if (epoch.getAsJsonObject().get("epoch").getAsInt() <= epochsDone) {
                    epochs.add(epoch);
                }
            }
        }
    }

    /** The record so far: {@code [{"epoch": n, "meanLoss": l, "validationCc": cc (absent without one)}, ...]}. */
    public JsonArray epochs() {
        return epochs;
    }

    /**
     * Keeps the net's weights of {@code epoch} (before its record, so that every recorded epoch can still be
     * selected), records the epoch and drops the kept weights of every other epoch but the best.
     *
     * @throws UncheckedIOException when the checkpoint folder cannot be written
     */
    public void epochFinished(int epoch, float meanLoss, float validationCc) {
        Path weights = weightsOf(epoch);
        try {
            WeightsFile.save(net, weights, modelId);
            JsonObject entry = new JsonObject();
            entry.addProperty("epoch", epoch);
            entry.addProperty("meanLoss", meanLoss);
            if (!Float.isNaN(validationCc)) {
                // JSON has no NaN: an epoch without validation has no entry
                entry.addProperty("validationCc", validationCc);
            }
            epochs.add(entry);
            ProviderFiles.writeAtomically(checkpoints.resolve(EPOCHS_FILE),
                    epochs.toString().getBytes(StandardCharsets.UTF_8));
            dropWeightsBut(best());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the epoch record in " + checkpoints + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Puts the best epoch's kept weights into the net, whose parameters {@code manager} holds, unless the net is at
     * that epoch already ({@code lastEpoch}, the one it finished with), and returns the selected epoch.
     */
    public int restoreBest(NDManager manager, int lastEpoch) {
        int selected = epochs.isEmpty() ? lastEpoch : best();
        if (selected != lastEpoch) {
            WeightsFile.load(net, manager, weightsOf(selected), modelId);
        }
        return selected;
    }

    private int best() {
        int best = epochs.get(epochs.size() - 1).getAsJsonObject().get("epoch").getAsInt();
        float bestCc = Float.NEGATIVE_INFINITY;
        for (JsonElement element : epochs) {
            JsonObject epoch = element.getAsJsonObject();
            if (epoch.has("validationCc") && epoch.get("validationCc").getAsFloat() > bestCc) {
                bestCc = epoch.get("validationCc").getAsFloat();
                best = epoch.get("epoch").getAsInt();
            }
        }
        return best;
    }

    private Path weightsOf(int epoch) {
        return checkpoints.resolve(EPOCH_WEIGHTS_PREFIX + epoch + EPOCH_WEIGHTS_SUFFIX);
    }

    private void dropWeightsBut(int best) throws IOException {
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(checkpoints,
                EPOCH_WEIGHTS_PREFIX + "*" + EPOCH_WEIGHTS_SUFFIX)) {
            for (Path file : kept) {
                if (!file.equals(weightsOf(best))) {
                    Files.delete(file);
                    Files.deleteIfExists(WeightsFile.manifestOf(file));
                }
            }
        }
    }
}
