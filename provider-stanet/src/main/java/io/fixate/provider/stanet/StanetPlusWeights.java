package io.fixate.provider.stanet;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.provider.stanet.nets.StaPlusNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.NetFolder;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three trained nets of STANet+ on disk and in memory: STA, STA+Short and STA+Long, each with its own encoders (of
 * the same kinds). The folder holds {@value #MANIFEST} ({@code {"format": "fixate-stanet-plus/1", "inputSize": S,
 * "frameFit": "squash" or "pad", "visualEncoder": ..., "audioEncoder": ..., "steps": m, "update": "conservative" or
 * "gated-gru", "readout": "eq15" or "decoder" (absent: "eq15"), "nets": {"sta": {"parameters": "sta.params", "sha256":
 * ...}, "short": ..., "long": ...}}} plus whatever
 * the trainer records) and the three parameter files with their {@link WeightsFile} manifests. The manifest is written
 * last, so a folder with one is complete. Loading rebuilds the nets, initialises them for frames of S × S and loads
 * each file with its checksum (against its own manifest and the one {@value #MANIFEST} records) and shape checks.
 * Closing releases the parameters; the instance is then unusable.
 */
public final class StanetPlusWeights implements AutoCloseable {

    static final String MANIFEST = NetFolder.MANIFEST;
    static final String FORMAT = "fixate-stanet-plus/1";
    /** The nets in the folder, by the name the manifest and the parameter files use. */
    public static final String STA = "sta";
    public static final String SHORT = "short";
    public static final String LONG = "long";

    private static final String INPUT_SIZE_KEY = "inputSize";
    private static final String FRAME_FIT_KEY = "frameFit";
    private static final String VISUAL_KEY = "visualEncoder";
    private static final String AUDIO_KEY = "audioEncoder";
    private static final String STEPS_KEY = "steps";
    private static final String UPDATE_KEY = "update";
    private static final String READOUT_KEY = "readout";
    private static final String NETS_KEY = "nets";
    private static final String WHAT = "STANet+ weights";

    private final StaNet sta;
    private final StaPlusNet shortTerm;
    private final StaPlusNet longTerm;
    private final int inputSize;
    private final FrameFit frameFit;
    private final NDManager manager;

    private StanetPlusWeights(StaNet sta, StaPlusNet shortTerm, StaPlusNet longTerm, int inputSize, FrameFit frameFit,
                              NDManager manager) {
        this.sta = sta;
        this.shortTerm = shortTerm;
        this.longTerm = longTerm;
        this.inputSize = inputSize;
        this.frameFit = frameFit;
        this.manager = manager;
    }

    /** The parameters file of the net called {@code net} ({@value #STA}, {@value #SHORT} or {@value #LONG}). */
    static String parametersOf(String net) {
        return net + ".params";
    }

    /** Every file of a complete folder: the manifest, and each net's parameters with their checksummed sidecar. */
    static List<String> files() {
        List<String> files = new ArrayList<>(List.of(MANIFEST));
        for (String net : List.of(STA, SHORT, LONG)) {
            files.add(parametersOf(net));
            files.add(WeightsFile.manifestOf(Path.of(parametersOf(net))).toString());
        }
        return files;
    }

    /** The input shapes of a batch of one for {@code net}: three fragments of frames (1, 3, S, S) with their audio. */
    public static Shape[] inputShapes(StaPlusNet net, int inputSize) {
        List<Shape> shapes = new ArrayList<>();
        for (int node = 0; node < StaPlusNet.NODES; node++) {
            shapes.addAll(List.of(StanetWeights.inputShapes(net.sta(), inputSize)));
        }
        return shapes.toArray(Shape[]::new);
    }

    /** The {@link WeightsFile} model identifier of an STA+ net's architecture (Eq. 15's readout goes unsaid). */
    public static String modelId(StaPlusNet net) {
        return "fixate-sta-plus/1 visual=" + net.sta().visualEncoder().name() + " audio="
                + net.sta().audioEncoder().name() + " steps=" + net.steps() + " update=" + updateKey(net.update())
                + (net.readout() == StaPlusNet.Readout.EQ15 ? "" : " readout=" + readoutKey(net.readout()));
    }

    /** The name of an STA+ readout in manifests and settings: {@code eq15} or {@code decoder}. */
    public static String readoutKey(StaPlusNet.Readout readout) {
        return readout.name().toLowerCase(Locale.ROOT);
    }

    /** The readout named {@code key} by {@link #readoutKey}. */
    public static StaPlusNet.Readout readoutOf(String key) {
        for (StaPlusNet.Readout readout : StaPlusNet.Readout.values()) {
            if (readoutKey(readout).equals(key)) {
                return readout;
            }
        }
        throw new IllegalArgumentException("unknown STA+ readout '" + key + "': eq15 or decoder");
    }

    /** The name of a C-GCN update in manifests and settings: {@code conservative} or {@code gated-gru}. */
    public static String updateKey(ConservativeGcn.Update update) {
        return update.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The update named {@code key} by {@link #updateKey}. */
    public static ConservativeGcn.Update updateOf(String key) {
        for (ConservativeGcn.Update update : ConservativeGcn.Update.values()) {
            if (updateKey(update).equals(key)) {
                return update;
            }
        }
        throw new IllegalArgumentException("unknown C-GCN update '" + key + "': conservative or gated-gru");
    }

    /** Whether {@code folder} holds complete STANet+ weights: its manifest, written last, exists. */
    public static boolean isComplete(Path folder) {
        return Files.exists(folder.resolve(MANIFEST));
    }

    /** Writes the initialised STA+ {@code net} into {@code folder} as the net called {@code name}, atomically. */
    public static void saveNet(Path folder, String name, StaPlusNet net) throws IOException {
        Files.createDirectories(folder);
        WeightsFile.save(net, folder.resolve(parametersOf(name)), modelId(net));
    }

    /**
     * Completes STANet+ in {@code folder}, where both STA+ nets are {@link #saveNet saved} already: copies in the
     * trained STA's parameters file {@code staParameters} (from a {@link StanetWeights} folder, with its sidecar
     * manifest) unless it is the folder's own, then writes the manifest with {@code extra}'s entries and every
     * parameters file's SHA-256, atomically. {@code kind} is either STA+ net (both have its encoders, steps, update
     * and readout); the nets were trained at frames of {@code inputSize} laid into the square as {@code frameFit} says.
     *
     * @throws IllegalArgumentException when {@code extra} uses a key the format reserves
     */
    public static void complete(Path folder, Path staParameters, StaPlusNet kind, int inputSize, FrameFit frameFit,
                                JsonObject extra) throws IOException {
        JsonObject head = StanetWeights.head(FORMAT, inputSize, frameFit, kind.sta());
        head.addProperty(STEPS_KEY, kind.steps());
        head.addProperty(UPDATE_KEY, updateKey(kind.update()));
        head.addProperty(READOUT_KEY, readoutKey(kind.readout()));
        head.add(NETS_KEY, new JsonObject()); // filled in below, once every parameters file is in place
        JsonObject manifest = NetFolder.manifest(head, extra);
        Path staCopy = folder.resolve(parametersOf(STA));
        if (!Files.exists(staCopy) || !Files.isSameFile(staParameters, staCopy)) {
            Files.copy(staParameters, staCopy, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(WeightsFile.manifestOf(staParameters), WeightsFile.manifestOf(staCopy),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        JsonObject nets = new JsonObject();
        for (String net : List.of(STA, SHORT, LONG)) {
            JsonObject record = new JsonObject();
            record.addProperty("parameters", parametersOf(net));
            record.addProperty("sha256", ProviderFiles.sha256Hex(folder.resolve(parametersOf(net))));
            nets.add(net, record);
        }
        manifest.add(NETS_KEY, nets);
        NetFolder.writeManifest(folder, manifest);
    }

    /**
     * Loads the three nets in {@code folder} onto {@code device}.
     *
     * @throws MissingWeightsException when the folder, its manifest or a parameters file is missing
     * @throws CorruptWeightsException when the manifest is damaged, of another format or names an unknown encoder,
     *                                 frame fit, update or readout, a file is a link out of the folder, or the
     *                                 parameters fail their checks
     * @throws WeightsException        when a file exists but cannot be read
     */
    public static StanetPlusWeights load(Path folder, Device device) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT,
                "fixate train-predictor --model stanet-plus");
        int inputSize;
        FrameFit frameFit;
        StaNet sta;
        StaPlusNet shortTerm;
        StaPlusNet longTerm;
        JsonObject nets;
        try {
            inputSize = manifest.get(INPUT_SIZE_KEY).getAsInt();
            frameFit = FrameFit.ofKey(manifest.get(FRAME_FIT_KEY).getAsString());
            String visual = manifest.get(VISUAL_KEY).getAsString();
            String audio = manifest.get(AUDIO_KEY).getAsString();
            int steps = manifest.get(STEPS_KEY).getAsInt();
            ConservativeGcn.Update update = updateOf(manifest.get(UPDATE_KEY).getAsString());
            StaPlusNet.Readout readout = manifest.has(READOUT_KEY)
                    ? readoutOf(manifest.get(READOUT_KEY).getAsString()) : StaPlusNet.Readout.EQ15;
            sta = new StaNet(Encoders.visual(visual), Encoders.audio(audio));
            shortTerm = new StaPlusNet(Encoders.visual(visual), Encoders.audio(audio), steps, update, readout);
            longTerm = new StaPlusNet(Encoders.visual(visual), Encoders.audio(audio), steps, update, readout);
            nets = manifest.getAsJsonObject(NETS_KEY);
            for (String net : List.of(STA, SHORT, LONG)) {
                nets.getAsJsonObject(net).get("sha256").getAsString();
            }
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, String.join(", ", INPUT_SIZE_KEY, FRAME_FIT_KEY,
                    VISUAL_KEY, AUDIO_KEY, STEPS_KEY, UPDATE_KEY, READOUT_KEY, NETS_KEY), e);
        }
        if (inputSize <= 0) {
            throw new CorruptWeightsException(WHAT + " manifest " + manifestFile + " gives input size " + inputSize);
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            sta.initialize(manager, DataType.FLOAT32, StanetWeights.inputShapes(sta, inputSize));
            load(sta, StanetWeights.modelId(sta), folder, STA, nets, manager, manifestFile);
            for (StaPlusNet plus : List.of(shortTerm, longTerm)) {
                plus.initialize(manager, DataType.FLOAT32, inputShapes(plus, inputSize));
            }
            load(shortTerm, modelId(shortTerm), folder, SHORT, nets, manager, manifestFile);
            load(longTerm, modelId(longTerm), folder, LONG, nets, manager, manifestFile);
            return new StanetPlusWeights(sta, shortTerm, longTerm, inputSize, frameFit, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static void load(Block net, String modelId, Path folder, String name, JsonObject nets, NDManager manager,
                             Path manifestFile) {
        WeightsFile.load(net, manager, folder.resolve(parametersOf(name)), modelId,
                nets.getAsJsonObject(name).get("sha256").getAsString(), manifestFile);
    }

    /** The STA net. */
    public StaNet sta() {
        return sta;
    }

    /** STA+Short. */
    public StaPlusNet shortTerm() {
        return shortTerm;
    }

    /** STA+Long. */
    public StaPlusNet longTerm() {
        return longTerm;
    }

    /** Side S of the square frames the nets were trained on. */
    public int inputSize() {
        return inputSize;
    }

    /** How frames are laid into the square input. */
    public FrameFit frameFit() {
        return frameFit;
    }

    /** The manager that holds the parameters. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
