package io.fixate.spi.djl.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.WeightsException;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The checkpoint of a training run in a folder: per finished epoch a weights file (with its {@link WeightsFile}
 * manifest) and an optimizer file (the momentum buffers as an encoded {@link NDList}), and a state file {@value
 * #STATE_FILE} that names them, records the epochs done, the optimizer file's SHA-256 and the options the run is
 * bound to. The state file is written last and atomically, so it always describes a complete checkpoint; the files of
 * the previous epoch are deleted only after it.
 *
 * <p>The options are the caller's, as text entries: those that must match for a checkpoint to be resumed (learning
 * rate, batch size, seed, ...), without those a resumed run may change (such as the epoch count).
 */
public final class Checkpoint {

    /** The name of the state file in the checkpoint folder. */
    public static final String STATE_FILE = "training.properties";

    private static final String EPOCHS_DONE = "epochsDone";
    private static final String WEIGHTS = "weights";
    private static final String OPTIMIZER = "optimizer";
    private static final String OPTIMIZER_SHA256 = "optimizerSha256";
    private static final String OPTION_PREFIX = "options.";

    private final Path folder;
    private final String modelId;

    /** @param modelId identifies the net's architecture in the weights manifest */
    public Checkpoint(Path folder, String modelId) {
        this.folder = folder;
        this.modelId = modelId;
    }

    /** Epochs done per the state file; 0 when the folder holds no checkpoint. */
    public int epochsDone() {
        return Files.exists(stateFile()) ? Integer.parseInt(require(readState(), EPOCHS_DONE)) : 0;
    }

    /** Writes the checkpoint after {@code epochsDone} epochs and removes the previous one. */
    public void save(int epochsDone, Map<String, String> options, Block net, NDList velocities) throws IOException {
        Files.createDirectories(folder);
        Properties previous = Files.exists(stateFile()) ? readState() : null;
        String weightsName = String.format("weights-epoch%04d.params", epochsDone);
        String optimizerName = String.format("optimizer-epoch%04d.ndlist", epochsDone);
        WeightsFile.save(net, folder.resolve(weightsName), modelId);
        byte[] optimizer = velocities.encode();
        ProviderFiles.writeAtomically(folder.resolve(optimizerName), optimizer);

        Properties state = new Properties();
        state.setProperty(EPOCHS_DONE, Integer.toString(epochsDone));
        state.setProperty(WEIGHTS, weightsName);
        state.setProperty(OPTIMIZER, optimizerName);
        state.setProperty(OPTIMIZER_SHA256, ProviderFiles.sha256Hex(optimizer));
        options.forEach((key, value) -> state.setProperty(OPTION_PREFIX + key, value));
        StringWriter text = new StringWriter();
        state.store(text, "Fixate training state");
        ProviderFiles.writeAtomically(stateFile(), text.toString().getBytes(StandardCharsets.ISO_8859_1));

        if (previous != null && !weightsName.equals(previous.getProperty(WEIGHTS))) {
            Path oldWeights = folder.resolve(previous.getProperty(WEIGHTS));
            Files.deleteIfExists(oldWeights);
            Files.deleteIfExists(WeightsFile.manifestOf(oldWeights));
            Files.deleteIfExists(folder.resolve(previous.getProperty(OPTIMIZER)));
        }
    }

    /**
     * Loads the checkpoint into {@code net} (initialised) and returns the optimizer state, owned by {@code manager}.
     *
     * @throws InvalidOptionsException when the checkpoint was made with other options
     * @throws CorruptWeightsException when a file fails its checks
     */
    public NDList load(Map<String, String> options, Block net, NDManager manager) {
        Properties state = readState();
        Map<String, String> saved = new TreeMap<>();
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith(OPTION_PREFIX)) {
                saved.put(key.substring(OPTION_PREFIX.length()), state.getProperty(key));
            }
        }
        if (!saved.equals(new TreeMap<>(options))) {
            throw new InvalidOptionsException("the checkpoint in " + folder + " was made with options " + saved
                    + ", cannot resume it with " + new TreeMap<>(options));
        }
        WeightsFile.load(net, manager, folder.resolve(require(state, WEIGHTS)), modelId);
        Path optimizerFile = folder.resolve(require(state, OPTIMIZER));
        try {
            byte[] optimizer = Files.readAllBytes(optimizerFile);
            WeightsFile.requireSha256(optimizerFile, require(state, OPTIMIZER_SHA256),
                    ProviderFiles.sha256Hex(optimizer), stateFile());
            return NDList.decode(manager, optimizer);
        } catch (IOException e) {
            throw new WeightsException("cannot read optimizer state " + optimizerFile + ": "
                    + WeightsFile.reason(e), e);
        }
    }

    private Path stateFile() {
        return folder.resolve(STATE_FILE);
    }

    private Properties readState() {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(stateFile(), StandardCharsets.ISO_8859_1)) {
            state.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptWeightsException("cannot read training state " + stateFile() + ": "
                    + WeightsFile.reason(e), e);
        }
        return state;
    }

    private String require(Properties state, String key) {
        String value = state.getProperty(key);
        if (value == null || (EPOCHS_DONE.equals(key) && !value.matches("\\d{1,9}"))) {
            throw new CorruptWeightsException("training state " + stateFile() + " has no valid '" + key + "' entry");
        }
        return value;
    }
}
