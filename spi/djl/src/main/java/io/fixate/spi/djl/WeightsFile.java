package io.fixate.spi.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.api.files.AtomicFile;
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
import java.nio.file.NoSuchFileException;
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
 * parameters belong to. Loading checks all of these before the parameters touch the block (and, when the folder's own
 * manifest records the file's SHA-256 as well, that one too), checks every parameter's declared type, shape and size
 * against the block before DJL allocates anything for it, and checks afterwards that every parameter kept its shape,
 * so that damaged weights or weights of another model fail here with a one-line message naming the file instead of
 * later inside a forward pass. Files must lie in their folder: a symbolic link out of it is refused.
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
    /** Hex digits of a SHA-256 that messages show: enough to tell two files apart at a glance. */
    private static final int SHOWN_HEX_DIGITS = 16;

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
        try (AtomicFile partialWeights = AtomicFile.open(weights);
             AtomicFile partialManifest = AtomicFile.open(manifestOf(weights))) {
            try (OutputStream file = Files.newOutputStream(partialWeights.temporary());
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(file, sha256)))) {
                block.saveParameters(out);
            }
            Properties manifest = new Properties();
            manifest.setProperty(KEY_FILE, weights.getFileName().toString());
            manifest.setProperty(KEY_SHA256, HexFormat.of().formatHex(sha256.digest()));
            manifest.setProperty(KEY_BYTES, Long.toString(Files.size(partialWeights.temporary())));
            manifest.setProperty(KEY_MODEL, model);
            try (Writer out = Files.newBufferedWriter(partialManifest.temporary(), StandardCharsets.UTF_8)) {
                manifest.store(out, "Fixate weights manifest");
            }
            partialWeights.commit();
            partialManifest.commit();
        }
    }

    /**
     * Loads parameters saved by {@link #save} into {@code block}, which must be initialised with the shapes the
     * weights were saved from; the loaded arrays belong to {@code manager}. When loading fails after the files
     * passed their checks, some parameters may already be replaced: discard the block.
     *
     * @throws MissingWeightsException when the weights or their manifest do not exist
     * @throws CorruptWeightsException when the size, checksum or model identifier differ from the manifest, a file is
     *                                 a link out of its folder, or the parameters do not fit the block (structure,
     *                                 types, shapes, declared sizes, truncation)
     * @throws WeightsException        when the files exist but cannot be read
     */
    public static void load(Block block, NDManager manager, Path weights, String model) {
        checkAndLoad(block, manager, weights, model, null, null);
    }

    /**
     * Loads like {@link #load(Block, NDManager, Path, String)} and also requires the SHA-256 that a folder's own
     * manifest records for the file, so that the folder's record and the parameters cannot drift apart (parameters
     * replaced together with their sidecar manifest). The file is hashed once for both checks.
     *
     * @param recordedSha256 the file's SHA-256 as {@code recordedIn} records it, in hex
     * @param recordedIn     the manifest that records it, named in messages
     * @throws CorruptWeightsException also when the file's SHA-256 differs from {@code recordedSha256}
     */
    public static void load(Block block, NDManager manager, Path weights, String model, String recordedSha256,
                            Path recordedIn) {
        checkAndLoad(block, manager, weights, model, Objects.requireNonNull(recordedSha256, "recordedSha256"),
                Objects.requireNonNull(recordedIn, "recordedIn"));
    }

    /**
     * Checks {@code weights} as {@link #load(Block, NDManager, Path, String, String, Path)} does before it reads the
     * parameters (existence, folder, size, model, both checksums), for files that a folder records but nothing
     * loads.
     *
     * @throws MissingWeightsException when the weights or their manifest do not exist
     * @throws CorruptWeightsException when a check fails
     * @throws WeightsException        when the files exist but cannot be read
     */
    public static void verify(Path weights, String model, String recordedSha256, Path recordedIn) {
        checkFiles(weights, model, Objects.requireNonNull(recordedSha256, "recordedSha256"),
                Objects.requireNonNull(recordedIn, "recordedIn"));
    }

    /** Checks the files, with the folder's record of the checksum when there is one, then the parameters. */
    private static void checkAndLoad(Block block, NDManager manager, Path weights, String model,
                                     String recordedSha256, Path recordedIn) {
        requireInitialized(block);
        checkFiles(weights, model, recordedSha256, recordedIn);
        Map<String, Shape> expectedShapes = parameterShapes(block);
        ParameterRecords.check(weights, block);
        boolean leftOver;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            block.loadParameters(manager, in);
            leftOver = in.read() != -1;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            // whatever DJL or the engine throws on a damaged file (EOF, overflow, negative sizes, native errors),
            // with its class, as the message alone may be just a number
            throw new CorruptWeightsException(weights + " does not fit the block: " + firstLine(e.toString()), e);
        } catch (OutOfMemoryError e) {
            // ParameterRecords checked every array's size, so what asked for this much is a count the file declares
            // in a block's header (its input shapes); the failed allocation left the heap as it was
            throw new CorruptWeightsException(weights + " does not fit the block: a block header declares more than"
                    + " memory holds (" + reason(e) + ")", e);
        }
        if (leftOver) {
            throw new CorruptWeightsException(weights + " has bytes left over after the last parameter of the"
                    + " block: it was saved from a different model");
        }
        Map<String, Shape> loadedShapes = parameterShapes(block);
        if (!loadedShapes.equals(expectedShapes)) {
            throw new CorruptWeightsException(weights + " does not fit the block: parameter shapes "
                    + loadedShapes + " where the block expects " + expectedShapes);
        }
    }

    private static void checkFiles(Path weights, String model, String recordedSha256, Path recordedIn) {
        requireModelId(model);
        checkAgainstManifest(weights, readManifest(weights), model, recordedSha256, recordedIn);
    }

    private static Properties readManifest(Path weights) {
        Path manifestFile = manifestOf(weights);
        if (!Files.isRegularFile(weights)) {
            throw new MissingWeightsException("weights file " + weights + " does not exist");
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new MissingWeightsException("weights manifest " + manifestFile + " does not exist");
        }
        requireInFolder(weights);
        requireInFolder(manifestFile);
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            manifest.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new WeightsException("cannot read weights manifest " + manifestFile + ": " + reason(e), e);
        }
        for (String key : new String[] {KEY_FILE, KEY_SHA256, KEY_BYTES, KEY_MODEL}) {
            if (manifest.getProperty(key) == null) {
                throw new CorruptWeightsException("weights manifest " + manifestFile + " has no '" + key + "' entry");
            }
        }
        return manifest;
    }

    private static void checkAgainstManifest(Path weights, Properties manifest, String model, String recordedSha256,
                                             Path recordedIn) {
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
            requireSha256(weights, manifest.getProperty(KEY_SHA256), actual, manifestFile);
            if (recordedSha256 != null) {
                requireSha256(weights, recordedSha256, actual, recordedIn);
            }
        } catch (IOException e) {
            throw new WeightsException("cannot read weights file " + weights + ": " + reason(e), e);
        }
    }

    /**
     * Refuses {@code file} when its SHA-256 {@code actual} is not the one {@code record} holds for it, naming both
     * files and the first digits of both checksums.
     */
    public static void requireSha256(Path file, String expected, String actual, Path record) {
        if (!actual.equalsIgnoreCase(expected.strip())) {
            throw new CorruptWeightsException(file + " fails its checksum: " + record + " records SHA-256 "
                    + shown(expected) + ", the file has " + shown(actual));
        }
    }

    private static String shown(String sha256) {
        String oneLine = firstLine(sha256);
        return oneLine.length() > SHOWN_HEX_DIGITS ? oneLine.substring(0, SHOWN_HEX_DIGITS) + "..." : oneLine;
    }

    /**
     * Refuses {@code file} when it is a symbolic link (or lies under one) that leads out of its folder: the folder's
     * records describe what is in it, and a link out makes the weights whatever the target becomes. Links within the
     * folder are fine. A file that does not exist passes; its reader reports it missing.
     */
    static void requireInFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Path real = file.toRealPath();
            Path realFolder = folder.toRealPath();
            if (!real.startsWith(realFolder)) {
                throw new CorruptWeightsException(file + " is a link to " + real + ", outside its folder "
                        + realFolder + ": weights files must be in their folder");
            }
        } catch (NoSuchFileException e) {
            // left to the caller, which knows what is missing
        } catch (IOException e) {
            throw new WeightsException("cannot resolve " + file + ": " + reason(e), e);
        }
    }

    /**
     * What {@code e} says, in one line for a weights message: the first line of its message (Gson adds a help link,
     * PyTorch a native stack trace, on further lines), or its class when it has none.
     */
    public static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : firstLine(message);
    }

    /** The first non-blank line of {@code text}. */
    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
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
