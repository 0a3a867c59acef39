package io.fixate.eval.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.files.AtomicFile;
import io.fixate.api.files.StagedFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Decides what may happen to a benchmark's target directory, and clears it when asked. A directory may be written
 * into when it is missing, empty, or holds a benchmark of the same options (whose finished clips are then kept);
 * anything else needs an explicit overwrite, which removes only the entries of the benchmark layout.
 */
final class BenchmarkDirectory {

    static final String VIDEOS = "videos";
    static final String GROUND_TRUTH = "ground_truth";
    /** Everything the layout puts at the root; the only entries an overwrite removes. */
    private static final List<String> LAYOUT = List.of(BenchmarkFiles.DATASET, BenchmarkFiles.ANNOTATIONS,
            Splits.Split.TRAIN.fileName(), Splits.Split.VAL.fileName(), Splits.Split.TEST.fileName(), VIDEOS,
            GROUND_TRUTH);

    private BenchmarkDirectory() {
    }

    /**
     * Makes {@code root} ready for the benchmark described by {@code dataset}.
     *
     * @return whether {@code root} holds an earlier run of the same benchmark whose finished clips can be kept
     * @throws InvalidOptionsException if {@code root} is a file, or a non-empty directory that is not a benchmark of
     *                                 the same options and {@code overwrite} is false; the message says why
     * @throws IOException             if the directory cannot be created or cleared
     */
    static boolean prepare(Path root, JsonObject dataset, boolean overwrite) throws IOException {
        if (!Files.exists(root)) {
            createDirectories(root);
            return false;
        }
        if (!Files.isDirectory(root)) {
            throw new InvalidOptionsException("benchmark directory " + root + " is a file");
        }
        if (isEmpty(root)) {
            return false;
        }
        if (overwrite) {
            for (String entry : LAYOUT) {
                StagedFolder.deleteTree(root.resolve(entry));
            }
            removeLeftovers(root);
            return false;
        }
        String mismatch = mismatch(root, dataset);
        if (mismatch != null) {
            throw new InvalidOptionsException("benchmark directory " + root + " is not empty and " + mismatch
                    + "; choose an empty or missing directory, or overwrite it (fixate synth --overwrite)");
        }
        return true;
    }

    /** Why {@code root} is not a benchmark of {@code dataset}'s options, or {@code null} if it is one. */
    private static String mismatch(Path root, JsonObject dataset) throws IOException {
        Path file = root.resolve(BenchmarkFiles.DATASET);
        if (!Files.isRegularFile(file)) {
            return "has no " + BenchmarkFiles.DATASET;
        }
        JsonObject existing;
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            existing = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return "its " + file + " is not valid JSON (" + e.getMessage() + ")";
        }
        if (!Objects.equals(existing.get("format"), dataset.get("format"))) {
            return "its " + file + " is not in format " + BenchmarkFiles.FORMAT;
        }
        JsonObject wanted = dataset.getAsJsonObject("options");
        JsonObject found = existing.has("options") && existing.get("options").isJsonObject()
                ? existing.getAsJsonObject("options") : new JsonObject();
        TreeSet<String> differing = new TreeSet<>();
        for (String key : union(wanted, found)) {
            if (!Objects.equals(normalised(wanted.get(key)), normalised(found.get(key)))) {
                differing.add(key);
            }
        }
        return differing.isEmpty() ? null : "holds a benchmark made with other options ("
                + String.join(", ", differing) + (differing.size() == 1 ? " differs)" : " differ)");
    }

    private static TreeSet<String> union(JsonObject a, JsonObject b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** Brings numbers written by us and parsed back to the same form, so 10 and 10.0 compare equal. */
    private static JsonElement normalised(JsonElement element) {
        return element == null ? null : JsonParser.parseString(element.toString());
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes the hidden temporary files and unfinished clip folders an interrupted run left in {@code root}. */
    static void removeLeftovers(Path root) throws IOException {
        for (Path directory : List.of(root, root.resolve(VIDEOS), root.resolve(GROUND_TRUTH))) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    for (Path leftover : entries.filter(BenchmarkDirectory::isTemporary).toList()) {
                        StagedFolder.deleteTree(leftover);
                    }
                }
            }
        }
    }

    /** Whether {@code path} is an {@link io.fixate.codec.output.AtomicFile} temporary or a staged clip folder. */
    private static boolean isTemporary(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") && (name.endsWith(".tmp") || name.endsWith(StagedFolder.STAGING_SUFFIX)
                || name.endsWith(StagedFolder.REPLACED_SUFFIX));
    }

    /** Creates {@code directory} and its missing parents, with an error that says which and why. */
    static void createDirectories(Path directory) throws IOException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("cannot create directory " + directory + ": " + describe(e), e);
        }
    }

    /**
     * The message of {@code e}, in words where the JDK gives only a path (a {@link FileSystemException} without
     * reason, such as {@code NoSuchFileException: /a/b} becoming {@code /a/b: no such file}).
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException failure && failure.getReason() == null) {
            String words = e.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            return failure.getFile() + ": " + words;
        }
        return e.getMessage();
    }
}
