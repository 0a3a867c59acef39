package io.fixate.spi.djl;

import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.spi.ProviderFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The parameters of a DJL {@link Block} in a file, with a sidecar manifest ({@code <file>.manifest}, a {@link
 * Properties} text) that records the file name, its SHA-256, its size in bytes and the identifier of the model the
 * parameters belong to. Loading checks all of these before the parameters touch the block, and checks afterwards
 * that every parameter kept its shape, so that weights of another model fail here with a message naming the file
 * instead of later inside a forward pass.
 *
 * <p>Saving is atomic per file: the weights and the manifest are written to temporary files in the target folder
 * and then moved to their names, weights first, so an interrupted save never leaves a partial file under either
 * name (at worst the old manifest next to new weights, which loading rejects as a checksum mismatch).
 */
public final class WeightsFile {

    private static final String MANIFEST_SUFFIX = ".manifest";
    private static final String KEY_FILE = "file";
    private static final String KEY_SHA256 = "sha256";
    private static final String KEY_BYTES = "bytes";
    private static final String KEY_MODEL = "model";

    private WeightsFile() {
    }

    /** The manifest that goes with {@code weights}: the same name with {@value #MANIFEST_SUFFIX} appended. */
    public static Path manifestOf(Path weights) {
        return weights.resolveSibling(weights.getFileName() + MANIFEST_SUFFIX);
    }

    /**
     * Writes the parameters of {@code block}, which must be initialised, to {@code weights} and its manifest.
     *
     * @param model identifies the model and its version (for example {@code "stanet-audio/1"}); loading requires the
     *              same string
     */
    public static void save(Block block, Path weights, String model) throws IOException {
        requireInitialized(block);
        requireModelId(model);
        Path folder = weights.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        MessageDigest sha256 = ProviderFiles.sha256();
        Path partialWeights = Files.createTempFile(folder, weights.getFileName().toString(), ".part");
        Path partialManifest = Files.createTempFile(folder, weights.getFileName().toString(), MANIFEST_SUFFIX + ".part");
        try {
            try (OutputStream file = Files.newOutputStream(partialWeights);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(file, sha256)))) {
                block.saveParameters(out);
            }
            Properties manifest = new Properties();
            manifest.setProperty(KEY_FILE, weights.getFileName().toString());
            manifest.setProperty(KEY_SHA256, HexFormat.of().formatHex(sha256.digest()));
            manifest.setProperty(KEY_BYTES, Long.toString(Files.size(partialWeights)));
            manifest.setProperty(KEY_MODEL, model);
            try (Writer out = Files.newBufferedWriter(partialManifest, StandardCharsets.UTF_8)) {
                manifest.store(out, "Fixate weights manifest");
            }
            ProviderFiles.moveIntoPlace(partialWeights, weights);
            ProviderFiles.moveIntoPlace(partialManifest, manifestOf(weights));
        } finally {
            Files.deleteIfExists(partialWeights);
            Files.deleteIfExists(partialManifest);
        }
    }

    /**
     * Loads parameters saved by {@link #save} into {@code block}, which must be initialised with the shapes the
     * weights were saved from; the loaded arrays belong to {@code manager}. When loading fails after the files
     * passed their checks, some parameters may already be replaced: discard the block.
     *
     * @throws MissingWeightsException when the weights or their manifest do not exist
     * @throws CorruptWeightsException when the size, checksum or model identifier differ from the manifest, or the
     *                                 parameters do not fit the block (structure, shapes, truncation)
     * @throws WeightsException        when the files exist but cannot be read
     */
    public static void load(Block block, NDManager manager, Path weights, String model) {
        requireInitialized(block);
        requireModelId(model);
        Properties manifest = readManifest(weights);
        checkAgainstManifest(weights, manifest, model);
        Map<String, Shape> expectedShapes = parameterShapes(block);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            block.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new CorruptWeightsException(weights + " has bytes left over after the last parameter of the"
                        + " block: it was saved from a different model");
            }
        } catch (IOException | MalformedModelException | EngineException | IllegalArgumentException
                 | IllegalStateException e) {
            throw new CorruptWeightsException(weights + " does not fit the block: " + e, e);
        }
        Map<String, Shape> loadedShapes = parameterShapes(block);
        if (!loadedShapes.equals(expectedShapes)) {
            throw new CorruptWeightsException(weights + " does not fit the block: parameter shapes "
                    + loadedShapes + " where the block expects " + expectedShapes);
        }
    }

    private static Properties readManifest(Path weights) {
        Path manifestFile = manifestOf(weights);
        if (!Files.isRegularFile(weights)) {
            throw new MissingWeightsException("weights file " + weights + " does not exist");
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new MissingWeightsException("weights manifest " + manifestFile + " does not exist");
        }
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            manifest.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new WeightsException("cannot read weights manifest " + manifestFile + ": " + e.getMessage(), e);
        }
        for (String key : new String[] {KEY_FILE, KEY_SHA256, KEY_BYTES, KEY_MODEL}) {
            if (manifest.getProperty(key) == null) {
                throw new CorruptWeightsException("weights manifest " + manifestFile + " has no '" + key + "' entry");
            }
        }
        return manifest;
    }

    private static void checkAgainstManifest(Path weights, Properties manifest, String model) {
        Path manifestFile = manifestOf(weights);
        if (!manifest.getProperty(KEY_MODEL).equals(model)) {
            throw new CorruptWeightsException(weights + " holds weights of model '" + manifest.getProperty(KEY_MODEL)
                    + "' (per " + manifestFile + "), expected '" + model + "'");
        }
        if (!manifest.getProperty(KEY_FILE).equals(weights.getFileName().toString())) {
            throw new CorruptWeightsException(manifestFile + " describes '" + manifest.getProperty(KEY_FILE)
                    + "', not " + weights.getFileName());
        }
        try {
            long size = Files.size(weights);
            if (!Long.toString(size).equals(manifest.getProperty(KEY_BYTES))) {
                throw new CorruptWeightsException(weights + " has " + size + " bytes, its manifest says "
                        + manifest.getProperty(KEY_BYTES));
            }
            String actual = ProviderFiles.sha256Hex(weights);
            if (!actual.equalsIgnoreCase(manifest.getProperty(KEY_SHA256))) {
                throw new CorruptWeightsException(weights + " fails its checksum: expected SHA-256 "
                        + manifest.getProperty(KEY_SHA256) + ", actual " + actual);
            }
        } catch (IOException e) {
            throw new WeightsException("cannot read weights file " + weights + ": " + e.getMessage(), e);
        }
    }

    /** Shapes by parameter path, in block order; a parameter without an array maps to null. */
    private static Map<String, Shape> parameterShapes(Block block) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            Parameter p = parameter.getValue();
            shapes.put(parameter.getKey(), p.isInitialized() ? p.getArray().getShape() : null);
        }
        return shapes;
    }

    private static void requireInitialized(Block block) {
        if (!Objects.requireNonNull(block, "block").isInitialized()) {
            throw new IllegalStateException("initialise the block (Block.initialize) before saving or loading weights");
        }
    }

    private static void requireModelId(String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model identifier is required, got '" + model + "'");
        }
    }
}
