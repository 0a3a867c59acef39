package io.fixate.samples.avrsp;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.samples.avrsp.nets.AvrspConfig;
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.BundledFolder;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.NetFolder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained AVRSP net on disk, loaded as a {@link LoadedNet}: a {@link NetFolder} whose manifest's head is {@code
 * {"format": "fixate-avrsp/1", "inputSize": S, "architecture": {...}}} (the architecture as {@link
 * AvrspConfig#toJson()} writes it) and whose parameters, {@value #PARAMETERS}, are stored under the architecture's {@link AvrspConfig#modelId()}.
 *
 * <p>Loading checks the format, rebuilds the net from the recorded architecture, initialises it for clips of S × S
 * frames and loads the parameters with their checksum and shape checks. Weights may also come bundled with the module
 * ({@link #loadBundled}): such a folder lies in this package's resources under {@value #BUNDLED_FOLDER} and is loaded
 * through a temporary copy, with exactly the checks of a folder on disk.
 */
public final class AvrspWeights {

    static final String MANIFEST = NetFolder.MANIFEST;
    static final String PARAMETERS = "avrsp.params";
    static final String FORMAT = "fixate-avrsp/1";
    /** Where the bundled weights lie among this package's resources. */
    static final String BUNDLED_FOLDER = "bundled/";
    static final String TRAIN_HINT = "fixate train-predictor --model avrsp --dataset DIR --out DIR";

    private static final String WHAT = "AVRSP weights";
    private static final String INPUT_SIZE_KEY = "inputSize";
    private static final String ARCHITECTURE_KEY = "architecture";

    private AvrspWeights() {
    }

    /** The shapes of a one-clip batch of {@code net} at frames of {@code inputSize}: frames and audio inputs. */
    public static Shape[] inputShapes(AvrspNet net, int inputSize, int batch) {
        int frames = net.config().frames();
        Shape audio = new AudioPreprocessor(net.audioEncoder()).batchShape(1);
        return new Shape[] {new Shape(batch, frames, 3, inputSize, inputSize),
            new Shape(batch, frames).addAll(audio.slice(1))};
    }

    /** Whether {@code folder} holds complete weights (its manifest is written last). */
    public static boolean isComplete(Path folder) {
        return NetFolder.isComplete(folder);
    }

    /**
     * Writes {@code net}, initialised and trained at frames of {@code inputSize}, into {@code folder}: parameters
     * first, then the manifest with {@code extra}'s entries, each file atomically.
     *
     * @throws IllegalArgumentException when {@code extra} uses a key the format reserves
     */
    public static void save(Path folder, AvrspNet net, int inputSize, JsonObject extra) throws IOException {
        JsonObject head = new JsonObject();
        head.addProperty("format", FORMAT);
        head.addProperty(INPUT_SIZE_KEY, inputSize);
        head.add(ARCHITECTURE_KEY, net.config().toJson());
        NetFolder.save(folder, NetFolder.manifest(head, extra), net, PARAMETERS, net.config().modelId());
    }

    /**
     * Loads the net in {@code folder} onto {@code device}.
     *
     * @throws MissingWeightsException when the folder, its manifest or the parameters are missing
     * @throws CorruptWeightsException when the manifest is damaged, of another format, records an invalid
     *                                 architecture or input size, or the parameters fail their checks
     * @throws WeightsException        when a file exists but cannot be read
     */
    public static LoadedNet<AvrspNet> load(Path folder, Device device) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, TRAIN_HINT);
        int inputSize;
        AvrspNet net;
        String parametersSha256;
        try {
            inputSize = manifest.get(INPUT_SIZE_KEY).getAsInt();
            net = new AvrspNet(AvrspConfig.fromJson(manifest.getAsJsonObject(ARCHITECTURE_KEY)));
            parametersSha256 = manifest.get(NetFolder.PARAMETERS_SHA256).getAsString();
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, INPUT_SIZE_KEY + ", " + ARCHITECTURE_KEY + " and "
                    + NetFolder.PARAMETERS_SHA256, e);
        }
        if (inputSize <= 0 || inputSize % net.coarsestStride() != 0) {
            throw new CorruptWeightsException(WHAT + " manifest " + manifestFile + " gives input size " + inputSize
                    + ", not a positive multiple of " + net.coarsestStride());
        }
        return NetFolder.load(folder, device, net, inputShapes(net, inputSize, 1), PARAMETERS, net.config().modelId(),
                parametersSha256, manager -> new LoadedNet<>(net, inputSize, manager));
    }

    /**
     * Loads the weights bundled in this module's resources onto {@code device}.
     *
     * @throws MissingWeightsException when this build lacks a file of them
     * @throws WeightsException        when the temporary copy cannot be written, or as {@link #load}
     */
    public static LoadedNet<AvrspNet> loadBundled(Device device) {
        return BundledFolder.load(AvrspWeights.class::getResourceAsStream, BUNDLED_FOLDER,
                NetFolder.files(PARAMETERS), "AVRSP", copy -> load(copy, device));
    }
}
