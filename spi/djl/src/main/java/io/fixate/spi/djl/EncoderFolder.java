package io.fixate.spi.djl;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of pretrained encoder weights, as {@code fixate import-encoder} writes it: {@value #MANIFEST} (format
 * {@value #FORMAT}: the encoder's registry name, the source file with its SHA-256 and licence, the class names of
 * its classifier, and per part the weights file and its SHA-256) beside one checksummed {@link WeightsFile} per
 * part: {@value #ENCODER} (the encoder's block) and {@value #CLASSIFIER} (the source network's classifier on the
 * encoder's output, which only checks and tools use). Loading checks the folder's record of each file as well as
 * the file's own manifest.
 */
public final class EncoderFolder {

    public static final String FORMAT = "fixate-encoder/1";
    public static final String MANIFEST = "encoder.json";
    /** The part holding the encoder's block. */
    public static final String ENCODER = "encoder";
    /** The part holding the classifier head of the source network. */
    public static final String CLASSIFIER = "classifier";

    private static final String WHAT = "encoder weights";
    private static final String IMPORT_HINT = "fixate import-encoder";

    private EncoderFolder() {
    }

    /** The weights file of {@code part} in {@code folder}. */
    public static Path weightsOf(Path folder, String part) {
        return folder.resolve(part + ".params");
    }

    /** The model identifier the weights file of {@code part} of encoder {@code encoder} is saved under. */
    public static String modelId(String encoder, String part) {
        return encoder + "-" + part + "/1";
    }

    /**
     * Loads {@code part} of the encoder called {@code encoder} from {@code folder} into {@code block}, which must be
     * initialised with the shapes the weights were saved from.
     *
     * @throws io.fixate.api.MissingWeightsException when the folder lacks the manifest or the file
     * @throws CorruptWeightsException                when the folder holds another encoder, or a check fails
     */
    public static void load(Block block, NDManager manager, Path folder, String encoder, String part) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = manifest(folder, encoder);
        String sha256;
        try {
            sha256 = manifest.getAsJsonObject("files").getAsJsonObject(part).get("sha256").getAsString();
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, "record of part '" + part + "'", e);
        }
        WeightsFile.load(block, manager, weightsOf(folder, part), modelId(encoder, part), sha256, manifestFile);
    }

    /**
     * The class names of the source network's classifier, index by index, as the folder records them.
     *
     * @throws io.fixate.api.MissingWeightsException when the folder lacks the manifest
     * @throws CorruptWeightsException                when the folder holds another encoder, or no valid class names
     */
    public static List<String> classes(Path folder, String encoder) {
        JsonObject manifest = manifest(folder, encoder);
        List<String> classes = new ArrayList<>();
        try {
            manifest.getAsJsonArray("classes").forEach(name -> classes.add(name.getAsString()));
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(folder.resolve(MANIFEST), WHAT, "class names", e);
        }
        return classes;
    }

    private static JsonObject manifest(Path folder, String encoder) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, IMPORT_HINT);
        String recorded = manifest.has(ENCODER) ? manifest.get(ENCODER).getAsString() : null;
        if (!encoder.equals(recorded)) {
            throw new CorruptWeightsException(manifestFile + " holds weights of encoder '" + recorded
                    + "', expected '" + encoder + "'");
        }
        return manifest;
    }
}
