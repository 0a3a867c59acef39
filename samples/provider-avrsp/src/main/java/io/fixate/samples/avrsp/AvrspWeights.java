package io.fixate.samples.avrsp;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.samples.avrsp.nets.AvrspConfig;
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.BundledFolder;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A trained AVRSP net on disk and in memory. The folder holds {@value #MANIFEST} ({@code {"format": "fixate-avrsp/1",
 * "inputSize": S, "architecture": {...}, "parametersSha256": ...}} plus whatever the trainer records, the
 * architecture as {@link AvrspConfig#toJson()} writes it) and {@value #PARAMETERS}, the net's parameters with their
 * {@link WeightsFile} manifest under the architecture's {@link AvrspConfig#modelId()}. The manifest is written last, so
 * a folder with a manifest is complete.
 *
 * <p>Loading checks the format, rebuilds the net from the recorded architecture, initialises it for clips of S × S
 * frames and loads the parameters with their checksum and shape checks. Weights may also come bundled with the module
 * ({@link #loadBundled}): such a folder lies in this package's resources under {@value #BUNDLED_FOLDER} and is loaded
 * through a temporary copy, with exactly the checks of a folder on disk; this build bundles none. Closing releases the
 * parameters' native memory.
 */
public final class AvrspWeights implements AutoCloseable {

    static final String MANIFEST = "manifest.json";
    static final String PARAMETERS = "avrsp.params";
    static final String FORMAT = "fixate-avrsp/1";
    /** Where bundled weights would lie among this package's resources. */
    static final String BUNDLED_FOLDER = "bundled/";
    static final String TRAIN_HINT = "fixate train-predictor --model avrsp --dataset DIR --out DIR";

    private static final String WHAT = "AVRSP weights";
    private static final String INPUT_SIZE_KEY = "inputSize";
    private static final String ARCHITECTURE_KEY = "architecture";
    private static final String PARAMETERS_SHA256_KEY = "parametersSha256";
    private static final List<String> RESERVED_KEYS = List.of("format", INPUT_SIZE_KEY, ARCHITECTURE_KEY,
            PARAMETERS_SHA256_KEY);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final AvrspNet net;
    private final int inputSize;
    private final NDManager manager;

    private AvrspWeights(AvrspNet net, int inputSize, NDManager manager) {
        this.net = net;
        this.inputSize = inputSize;
        this.manager = manager;
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
        return Files.exists(folder.resolve(MANIFEST));
    }

    /**
     * Writes {@code net}, initialised and trained at frames of {@code inputSize}, into {@code folder}: parameters
     * first, then the manifest with {@code extra}'s entries, each file atomically.
     *
     * @throws IllegalArgumentException when {@code extra} uses a key the format reserves
     */
    public static void save(Path folder, AvrspNet net, int inputSize, JsonObject extra) throws IOException {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", FORMAT);
        manifest.addProperty(INPUT_SIZE_KEY, inputSize);
        manifest.add(ARCHITECTURE_KEY, net.config().toJson());
        for (var entry : Objects.requireNonNull(extra, "extra").entrySet()) {
            if (RESERVED_KEYS.contains(entry.getKey())) {
                throw new IllegalArgumentException("the manifest key '" + entry.getKey() + "' is reserved");
            }
            manifest.add(entry.getKey(), entry.getValue().deepCopy());
        }
        Files.createDirectories(folder);
        WeightsFile.save(net, folder.resolve(PARAMETERS), net.config().modelId());
        manifest.addProperty(PARAMETERS_SHA256_KEY, ProviderFiles.sha256Hex(folder.resolve(PARAMETERS)));
        ProviderFiles.writeAtomically(folder.resolve(MANIFEST), GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Loads the net in {@code folder} onto {@code device}.
     *
     * @throws MissingWeightsException when the folder, its manifest or the parameters are missing
     * @throws CorruptWeightsException when the manifest is damaged, of another format, records an invalid
     *                                 architecture or input size, or the parameters fail their checks
     * @throws WeightsException        when a file exists but cannot be read
     */
    public static AvrspWeights load(Path folder, Device device) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, TRAIN_HINT);
        int inputSize;
        AvrspNet net;
        String parametersSha256;
        try {
            inputSize = manifest.get(INPUT_SIZE_KEY).getAsInt();
            net = new AvrspNet(AvrspConfig.fromJson(manifest.getAsJsonObject(ARCHITECTURE_KEY)));
            parametersSha256 = manifest.get(PARAMETERS_SHA256_KEY).getAsString();
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, INPUT_SIZE_KEY + ", " + ARCHITECTURE_KEY + " and "
                    + PARAMETERS_SHA256_KEY, e);
        }
        if (inputSize <= 0 || inputSize % net.coarsestStride() != 0) {
            throw new CorruptWeightsException(WHAT + " manifest " + manifestFile + " gives input size " + inputSize
                    + ", not a positive multiple of " + net.coarsestStride());
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            net.initialize(manager, DataType.FLOAT32, inputShapes(net, inputSize, 1));
            WeightsFile.load(net, manager, folder.resolve(PARAMETERS), net.config().modelId(), parametersSha256,
                    manifestFile);
            return new AvrspWeights(net, inputSize, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Loads the weights bundled in this module's resources onto {@code device}.
     *
     * @throws MissingWeightsException when this build bundles none, saying how to train weights
     * @throws WeightsException        when the temporary copy cannot be written, or as {@link #load}
     */
    public static AvrspWeights loadBundled(Device device) {
        if (AvrspWeights.class.getResource(BUNDLED_FOLDER + MANIFEST) == null) {
            throw new MissingWeightsException("avrsp ships no trained weights yet: train them with '" + TRAIN_HINT
                    + "' and pass the folder as weights (--weights DIR)");
        }
        return BundledFolder.load(AvrspWeights.class::getResourceAsStream, BUNDLED_FOLDER, List.of(MANIFEST,
                PARAMETERS, WeightsFile.manifestOf(Path.of(PARAMETERS)).toString()), "AVRSP", copy -> load(copy, device));
    }

    /** The net, with its parameters loaded. */
    public AvrspNet net() {
        return net;
    }

    /** Side S of the square frames the net was trained on. */
    public int inputSize() {
        return inputSize;
    }

    /** The manager that holds the parameters, on the device they were loaded to. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
