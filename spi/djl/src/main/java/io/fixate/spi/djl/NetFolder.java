package io.fixate.spi.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.fixate.spi.ProviderFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The folder of a trained net as a provider writes it: {@value #MANIFEST}, whose head is the provider's own (its
 * {@code "format"} and what rebuilds the net), followed by the trainer's record and {@value #PARAMETERS_SHA256}, and
 * the parameters file with its {@link WeightsFile} manifest. The parameters are written first and the manifest last,
 * each atomically, so a folder with a manifest is complete. Reading the manifest is {@link ManifestFile}'s.
 */
public final class NetFolder {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest entry that records the parameters file's SHA-256. */
    public static final String PARAMETERS_SHA256 = "parametersSha256";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private NetFolder() {
    }

    /** Whether {@code folder} holds a complete trained net: its manifest, written last, exists. */
    public static boolean isComplete(Path folder) {
        return Files.exists(folder.resolve(MANIFEST));
    }

    /**
     * A manifest: {@code head}'s entries, then {@code record}'s.
     *
     * @throws IllegalArgumentException when {@code record} uses a key of {@code head} or {@value #PARAMETERS_SHA256}
     */
    public static JsonObject manifest(JsonObject head, JsonObject record) {
        JsonObject manifest = head.deepCopy();
        for (var entry : Objects.requireNonNull(record, "record").entrySet()) {
            if (head.has(entry.getKey()) || entry.getKey().equals(PARAMETERS_SHA256)) {
                throw new IllegalArgumentException("the manifest key '" + entry.getKey() + "' is reserved");
            }
            manifest.add(entry.getKey(), entry.getValue().deepCopy());
        }
        return manifest;
    }

    /**
     * Writes {@code net}'s parameters to {@code parameters} in {@code folder} under {@code modelId}, then {@code
     * manifest} with their SHA-256 added.
     */
    public static void save(Path folder, JsonObject manifest, Block net, String parameters, String modelId)
            throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(parameters);
        WeightsFile.save(net, file, modelId);
        JsonObject complete = manifest.deepCopy();
        complete.addProperty(PARAMETERS_SHA256, ProviderFiles.sha256Hex(file));
        writeManifest(folder, complete);
    }

    /** Writes {@code manifest} as {@code folder}'s {@value #MANIFEST}, atomically: the last file of a folder. */
    public static void writeManifest(Path folder, JsonObject manifest) throws IOException {
        ProviderFiles.writeAtomically(folder.resolve(MANIFEST), GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Initialises {@code net} for {@code inputShapes} in a new manager on {@code device}, loads the parameters file
     * {@code parameters} of {@code folder} with their checks (model identifier, shapes, and the SHA-256 {@code
     * recordedSha256} that {@value #MANIFEST} records), and returns what {@code loaded} makes of that manager; the
     * manager is closed if any of it fails.
     *
     * @throws io.fixate.api.MissingWeightsException when the parameters are missing
     * @throws io.fixate.api.CorruptWeightsException when they fail their checks
     */
    public static <W> W load(Path folder, Device device, Block net, Shape[] inputShapes, String parameters,
                             String modelId, String recordedSha256, Function<NDManager, W> loaded) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            net.initialize(manager, DataType.FLOAT32, inputShapes);
            WeightsFile.load(net, manager, folder.resolve(parameters), modelId, recordedSha256,
                    folder.resolve(MANIFEST));
            return loaded.apply(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The files of a folder whose parameters file is {@code parameters}, as {@link BundledFolder} copies them. */
    public static List<String> files(String parameters) {
        return List.of(MANIFEST, parameters, WeightsFile.manifestOf(Path.of(parameters)).toString());
    }
}
