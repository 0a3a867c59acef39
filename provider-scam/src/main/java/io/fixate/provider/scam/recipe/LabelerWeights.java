package io.fixate.provider.scam.recipe;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.provider.scam.audio.SoundSwitch;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.provider.scam.training.Batches;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained SCAM labeler on disk and in memory. The folder holds {@value #MANIFEST} (format, label set, training
 * settings, the frame normalisation of the visual encoder, seed, what the data was, the imported encoder weights the
 * run started from if any, and per net its weights file, SHA-256 and validation accuracy) and one weights
 * file per {@link NetSlot}, each with its {@link WeightsFile} manifest. The manifest is written last, when every net is
 * trained, so a folder with a manifest is a complete labeler.
 *
 * <p>Loading checks the format, rebuilds each net that labelling uses from the recorded settings (its visual encoder
 * declares how it is fed frames, which must be the normalisation the manifest records; a manifest from before the
 * record is of the compact encoders, ImageNet mean/std) and loads its weights
 * with their checksum and architecture checks, the checksum against both the file's {@link WeightsFile} manifest and
 * the one {@value #MANIFEST} records; the audio classifiers, which only made the switch's training labels, stay in
 * the folder as part of the record, which loading checks for them too without reading their parameters. Closing
 * releases the nets' native memory.
 */
public final class LabelerWeights implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    static final String FORMAT = "fixate-scam-labeler/1";
    /** The manifest's entry that holds a record of each net, by {@link NetSlot#id()}. */
    static final String NETS_KEY = "nets";
    /** The manifest's entry that names how the nets' frames are normalised, their visual encoder's input. */
    static final String FRAMES_KEY = "frameNormalisation";

    private static final String FILE_KEY = "file";
    private static final String SHA256_KEY = "sha256";

    /** What the folder holds, in messages. */
    private static final String WHAT = "SCAM labeler";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final List<String> labels;
    private final TrainingSettings settings;
    private final Map<NetSlot, TrainableNet> nets;
    private final NDManager manager;

    private LabelerWeights(List<String> labels, TrainingSettings settings, Map<NetSlot, TrainableNet> nets,
                           NDManager manager) {
        this.labels = List.copyOf(labels);
        this.settings = settings;
        this.nets = nets;
        this.manager = manager;
    }

    /**
     * Loads the labeler in {@code folder} onto {@code device}.
     *
     * @throws MissingWeightsException when the folder, its manifest or a weights file is missing
     * @throws CorruptWeightsException when the manifest is damaged or of another format, a file is a link out of the
     *                                 folder, or a weights file fails its checks (the SHA-256 the manifest records
     *                                 among them)
     */
    public static LabelerWeights load(Path folder, Device device) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, "fixate train-labeler");
        List<String> labels;
        TrainingSettings settings;
        try {
            labels = new ArrayList<>();
            manifest.getAsJsonArray("labels").forEach(label -> labels.add(label.getAsString()));
            settings = TrainingSettings.parse(settingEntries(manifest));
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, "label set or settings", e);
        }
        String frames = frameNormalisation(settings).name();
        if (manifest.has(FRAMES_KEY) && !manifest.get(FRAMES_KEY).getAsString().equals(frames)) {
            throw new CorruptWeightsException(WHAT + " manifest " + manifestFile + " records frames normalised as "
                    + manifest.get(FRAMES_KEY).getAsString() + ", but visual encoder '" + settings.visualEncoder()
                    + "' takes " + frames);
        }
        Map<NetSlot, String> checksums = recordedChecksums(manifest, manifestFile);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Map<NetSlot, TrainableNet> nets = new EnumMap<>(NetSlot.class);
            for (NetSlot slot : NetSlot.values()) {
                TrainableNet net = slot.newNet(settings, labels.size());
                Path weights = folder.resolve(slot.fileName());
                if (slot.isAudioClassifier()) {
                    // never loaded (they only made the switch's labels), but the manifest records them too
                    WeightsFile.verify(weights, net.architectureId(), checksums.get(slot), manifestFile);
                    continue;
                }
                initialize(net, slot.inputSize(settings), manager);
                WeightsFile.load(net.block(), manager, weights, net.architectureId(), checksums.get(slot),
                        manifestFile);
                nets.put(slot, net);
            }
            return new LabelerWeights(labels, settings, nets, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The settings the finished labeler in {@code folder} was trained with, as entries; none where the folder holds
     * no finished labeler.
     *
     * @throws CorruptWeightsException when its manifest is damaged
     */
    static Map<String, String> recordedSettings(Path folder) {
        Path manifestFile = folder.resolve(MANIFEST);
        if (!Files.exists(manifestFile)) {
            return Map.of();
        }
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, "fixate train-labeler");
        try {
            return settingEntries(manifest);
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, "settings", e);
        }
    }

    /** A manifest's settings, as entries. */
    static Map<String, String> settingEntries(JsonObject manifest) {
        Map<String, String> entries = new LinkedHashMap<>();
        manifest.getAsJsonObject("settings").entrySet()
                .forEach(entry -> entries.put(entry.getKey(), entry.getValue().getAsString()));
        return entries;
    }

    /** The SHA-256 of each net's weights file, as the manifest's record of the net gives it. */
    private static Map<NetSlot, String> recordedChecksums(JsonObject manifest, Path manifestFile) {
        Map<NetSlot, String> checksums = new EnumMap<>(NetSlot.class);
        for (NetSlot slot : NetSlot.values()) {
            String file;
            try {
                JsonObject record = manifest.getAsJsonObject(NETS_KEY).getAsJsonObject(slot.id());
                file = record.get(FILE_KEY).getAsString();
                checksums.put(slot, record.get(SHA256_KEY).getAsString());
            } catch (RuntimeException e) {
                throw ManifestFile.invalid(manifestFile, WHAT, "record of net " + slot.id(), e);
            }
            if (!slot.fileName().equals(file)) {
                throw new CorruptWeightsException(WHAT + " manifest " + manifestFile + " records net " + slot.id()
                        + " in '" + file + "', not in " + slot.fileName());
            }
        }
        return checksums;
    }

    /** Initialises {@code net} for batches of frames of side {@code inputSize}, on {@code manager}. */
    static void initialize(TrainableNet net, int inputSize, NDManager manager) {
        Batches batches = Batches.of(net, FramePreprocessor.evaluation(inputSize), new AudioSpectrogram());
        net.block().initialize(manager, DataType.FLOAT32, batches.inputShapes(1));
    }

    public List<String> labels() {
        return labels;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** The coarse or fine SCAM nets by source. */
    public Map<Source, ScamNet> scamNets(boolean fine) {
        Map<Source, ScamNet> bySource = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            bySource.put(source, (ScamNet) nets.get(NetSlot.of(source, fine)));
        }
        return bySource;
    }

    public SoundSwitch soundSwitch() {
        return (SoundSwitch) nets.get(NetSlot.SWITCH);
    }

    /** The manager that holds the nets' parameters. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Adds to a net's {@code record} the entries by which loading checks its weights file (in the same folder). */
    static void recordWeights(JsonObject record, Path weights) throws IOException {
        record.addProperty(FILE_KEY, weights.getFileName().toString());
        record.addProperty(SHA256_KEY, ProviderFiles.sha256Hex(weights));
    }

    /** Writes the manifest of a finished labeler into {@code folder}, atomically. */
    static void writeManifest(Path folder, JsonObject manifest) throws IOException {
        ProviderFiles.writeAtomically(folder.resolve(MANIFEST), GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** A manifest's common part: format, label set, settings and frame normalisation. */
    static JsonObject manifestHead(List<String> labels, TrainingSettings settings) {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", FORMAT);
        JsonArray labelArray = new JsonArray();
        labels.forEach(labelArray::add);
        manifest.add("labels", labelArray);
        JsonObject settingsObject = new JsonObject();
        settings.entries().forEach(settingsObject::addProperty);
        manifest.add("settings", settingsObject);
        manifest.addProperty(FRAMES_KEY, frameNormalisation(settings).name());
        return manifest;
    }

    private static FrameNormalisation frameNormalisation(TrainingSettings settings) {
        return Encoders.visual(settings.visualEncoder()).input();
    }
}
