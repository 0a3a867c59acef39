package io.fixate.spi.djl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the JSON manifest of a trained-model folder (a {@code "format"} entry naming its layout, then whatever the
 * provider records) with the typed errors a host expects, each a one-line message naming the file: missing,
 * unreadable, damaged, of another format, or a link out of its folder. Needs Gson ({@code com.google.gson}) on the
 * path, like the providers that use it.
 */
public final class ManifestFile {

    private ManifestFile() {
    }

    /**
     * The manifest {@code file}, checked to be a JSON object whose {@code "format"} is {@code format}.
     *
     * @param what      what the folder holds, for messages (e.g. "SCAM labeler")
     * @param trainHint how to make one, for the message when it is missing (e.g. "fixate train-labeler")
     * @throws MissingWeightsException when the file does not exist
     * @throws CorruptWeightsException when it is not JSON, not an object, of another format, or a symbolic link out
     *                                 of its folder
     * @throws WeightsException        when it cannot be read
     */
    public static JsonObject read(Path file, String format, String what, String trainHint) {
        WeightsFile.requireInFolder(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MissingWeightsException("no " + what + " at " + file.getParent() + ": " + file.getFileName()
                    + " is missing (train one with '" + trainHint + "')");
        } catch (IOException e) {
            throw new WeightsException("cannot read " + what + " manifest " + file + ": " + WeightsFile.reason(e), e);
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            JsonObject manifest = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
            JsonElement declared = manifest == null ? null : manifest.get("format");
            if (declared == null || !declared.isJsonPrimitive() || !format.equals(declared.getAsString())) {
                throw new CorruptWeightsException(what + " manifest " + file + " is not of format " + format);
            }
            return manifest;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new CorruptWeightsException(what + " manifest " + file + " is damaged: " + WeightsFile.reason(e), e);
        }
    }

    /**
     * The error for a manifest whose entries a provider cannot use, e.g. {@code invalid(file, "SCAM labeler",
     * "label set", e)}: {@code e} is what reading them threw, of which the message keeps one line.
     */
    public static CorruptWeightsException invalid(Path file, String what, String entries, RuntimeException e) {
        // a missing entry surfaces as a NullPointerException whose message names Gson's methods, not the entry
        String reason = e instanceof NullPointerException ? "an entry is missing" : WeightsFile.reason(e);
        return new CorruptWeightsException(what + " manifest " + file + " has no valid " + entries + ": " + reason, e);
    }
}
