package io.fixate.provider.scam.recipe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.spi.ProviderFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the finished stages of a run recorded (sample counts, validation accuracy, weights checksums), by net, kept in
 * a file of the run's folder so that it survives an interruption; the manifest takes it over at the end.
 */
final class StageRecords {

    private static final String FILE = "stages.json";

    private final Path file;
    private final JsonObject records;

    private StageRecords(Path file, JsonObject records) {
        this.file = file;
        this.records = records;
    }

    /** The records a run in {@code folder} left, or none. */
    static StageRecords in(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        JsonObject records = Files.exists(file)
                ? JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject()
                : new JsonObject();
        return new StageRecords(file, records);
    }

    /** The record of net {@code id}, a new empty one if it has none. */
    JsonObject of(String id) {
        if (!records.has(id)) {
            records.add(id, new JsonObject());
        }
        return records.getAsJsonObject(id);
    }

    /** Keeps the records on disk. */
    void save() throws IOException {
        ProviderFiles.writeAtomically(file, records.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every record, for the manifest. */
    JsonObject all() {
        return records.deepCopy();
    }

    /** Forgets the file once the manifest holds the records. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
