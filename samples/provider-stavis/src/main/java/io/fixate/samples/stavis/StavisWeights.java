package io.fixate.samples.stavis;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.BundledFolder;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.NetFolder;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained STAViS net on disk, loaded as a {@link LoadedNet}: a {@link NetFolder} whose manifest's head is {@code
 * {"format": "fixate-stavis/1", "inputSize": S, "frames": T, "localisationMaps": K, "visualEncoder": ..., "audioEncoder": ...}}
 * and whose parameters, {@value #PARAMETERS}, are stored under a model identifier that names the architecture ({@link
 * #modelId}).
 *
 * <p>Loading checks the format, rebuilds the net from the recorded encoders, T and K, initialises it for clips of T
 * frames of S × S and loads the parameters with their checksum (against both their own manifest and the one {@value
 * #MANIFEST} records) and shape checks. The weights bundled with the module ({@link #loadBundled}, in this package's
 * resources under {@value #BUNDLED_FOLDER}) load the same way, through a temporary copy.
 */
public final class StavisWeights {

    /** The manifest's file name. */
    public static final String MANIFEST = NetFolder.MANIFEST;
    /** The parameters' file name. */
    public static final String PARAMETERS = "stavis.params";
    static final String FORMAT = "fixate-stavis/1";
    /** Where the bundled weights lie among this package's resources. */
    static final String BUNDLED_FOLDER = "bundled/";
    /** How to make weights, for messages about missing ones. */
    static final String TRAIN_HINT = "fixate train-predictor --model stavis --dataset DIR --out DIR";

    private static final String INPUT_SIZE_KEY = "inputSize";
    private static final String FRAMES_KEY = "frames";
    private static final String MAPS_KEY = "localisationMaps";
    private static final String VISUAL_KEY = "visualEncoder";
    private static final String AUDIO_KEY = "audioEncoder";
    private static final String WHAT = "STAViS weights";

    private StavisWeights() {
    }

    /** The input shapes of a batch of {@code batch} clips for {@code net} at frames of {@code inputSize} squared. */
    public static Shape[] inputShapes(StavisNet net, int inputSize, int batch) {
        return new Shape[] {new Shape(batch, net.frames(), 3, inputSize, inputSize),
            new AudioPreprocessor(net.audioEncoder()).batchShape(batch)};
    }

    /** The {@link WeightsFile} model identifier of {@code net}'s architecture. */
    public static String modelId(StavisNet net) {
        return "fixate-stavis/1 visual=" + net.visualEncoder().name() + " audio=" + net.audioEncoder().name()
                + " frames=" + net.frames() + " maps=" + net.localisationMaps();
    }

    /** Whether {@code folder} holds a complete trained net: its manifest, written last, exists. */
    public static boolean isComplete(Path folder) {
        return NetFolder.isComplete(folder);
    }

    /**
     * Writes {@code net}, initialised and trained at frames of {@code inputSize} squared, into {@code folder}:
     * parameters first, then the manifest with {@code extra}'s entries (the trainer's record), each atomically.
     *
     * @throws IllegalArgumentException when {@code extra} uses a key the format reserves
     */
    public static void save(Path folder, StavisNet net, int inputSize, JsonObject extra) throws IOException {
        JsonObject head = new JsonObject();
        head.addProperty("format", FORMAT);
        head.addProperty(INPUT_SIZE_KEY, inputSize);
        head.addProperty(FRAMES_KEY, net.frames());
        head.addProperty(MAPS_KEY, net.localisationMaps());
        head.addProperty(VISUAL_KEY, net.visualEncoder().name());
        head.addProperty(AUDIO_KEY, net.audioEncoder().name());
        NetFolder.save(folder, NetFolder.manifest(head, extra), net, PARAMETERS, modelId(net));
    }

    /**
     * Loads the net in {@code folder} onto {@code device}, in {@link StavisNet.Mode#AUDIO_VISUAL} mode.
     *
     * @throws MissingWeightsException when the folder, its manifest or the parameters are missing
     * @throws CorruptWeightsException when the manifest is damaged, of another format, names an unknown encoder or
     *                                 gives sizes out of range, or the parameters fail their checksum or shape checks
     * @throws WeightsException        when a file exists but cannot be read
     */
    public static LoadedNet<StavisNet> load(Path folder, Device device) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, TRAIN_HINT);
        int inputSize;
        StavisNet net;
        String sha256;
        try {
            inputSize = manifest.get(INPUT_SIZE_KEY).getAsInt();
            int frames = manifest.get(FRAMES_KEY).getAsInt();
            int maps = manifest.get(MAPS_KEY).getAsInt();
            if (inputSize <= 0 || frames <= 0 || maps <= 0) {
                throw new IllegalArgumentException("sizes must be positive, got input size " + inputSize + ", "
                        + frames + " frames and " + maps + " localisation maps");
            }
            net = new StavisNet(Encoders.visual(manifest.get(VISUAL_KEY).getAsString()),
                    Encoders.audio(manifest.get(AUDIO_KEY).getAsString()), frames, maps,
                    StavisNet.Mode.AUDIO_VISUAL);
            sha256 = manifest.get(NetFolder.PARAMETERS_SHA256).getAsString();
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, String.join(", ", INPUT_SIZE_KEY, FRAMES_KEY, MAPS_KEY,
                    VISUAL_KEY, AUDIO_KEY, NetFolder.PARAMETERS_SHA256), e);
        }
        return NetFolder.load(folder, device, net, inputShapes(net, inputSize, 1), PARAMETERS, modelId(net), sha256,
                manager -> new LoadedNet<>(net, inputSize, manager));
    }

    /**
     * Loads the weights bundled in this module's resources onto {@code device}.
     *
     * @throws MissingWeightsException when this build lacks a file of them
     * @throws WeightsException        when the temporary copy cannot be written, or as {@link #load}
     */
    public static LoadedNet<StavisNet> loadBundled(Device device) {
        return BundledFolder.load(StavisWeights.class::getResourceAsStream, BUNDLED_FOLDER,
                NetFolder.files(PARAMETERS), "STAViS", copy -> load(copy, device));
    }
}
