package io.fixate.spi.djl.training;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The output folder of a resumable training run. Its {@value #RUN_FILE} records what the run is (settings, seed, a
 * hash of the data, anything else that decides the result); a later run may continue in the folder only when its
 * record is equal, so an interrupted run is resumed and never mixed with another.
 */
public final class TrainingRunFolder {

    /** The run record's file name in the folder. */
    public static final String RUN_FILE = "run.json";

    private TrainingRunFolder() {
    }

    /**
     * Claims {@code folder} (new or empty) for the run described by {@code run}, or checks that the run it holds is
     * that one.
     *
     * @param kind what is trained, for messages (e.g. "STANet distillation")
     * @throws InvalidOptionsException when the folder holds another run, or files but no run
     * @throws CorruptWeightsException when the run record is damaged
     */
    public static void claim(Path folder, JsonObject run, String kind) throws IOException {
        Path runFile = folder.resolve(RUN_FILE);
        if (Files.exists(runFile)) {
            JsonObject recorded;
            try {
                recorded = JsonParser.parseString(Files.readString(runFile, StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                throw new CorruptWeightsException("cannot read the run record " + runFile + ": "
                        + WeightsFile.reason(e), e);
            }
            if (!recorded.equals(run)) {
                throw new InvalidOptionsException(folder + " holds a " + kind + " run with other settings, seed or "
                        + "data (see its " + RUN_FILE + "); choose another output folder or delete it");
            }
            return;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidOptionsException(folder + " is not empty and holds no " + kind + " run; "
                            + "choose an empty or new folder");
                }
            }
        }
        ProviderFiles.writeAtomically(runFile, run.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The run record of a student's training: what decides the result, hence what a resumed run must share to
     * {@link #claim} its folder: the teacher's name and description (a labeler's names its properties and weights),
     * the settings, the seed and the data (name, {@link #dataHash}, clip counts).
     */
    public static JsonObject record(TrainingData data, Teacher teacher, Map<String, String> settings, long seed) {
        JsonObject record = new JsonObject();
        teacher.info().ifPresent(info -> {
            record.addProperty("teacher", info.name());
            record.addProperty("teacherDescription", info.description());
        });
        JsonObject settingsRecord = new JsonObject();
        settings.forEach(settingsRecord::addProperty);
        record.add("settings", settingsRecord);
        record.addProperty("seed", seed);
        JsonObject dataRecord = new JsonObject();
        dataRecord.addProperty("name", data.name());
        dataRecord.addProperty("sha256", dataHash(data));
        dataRecord.addProperty("trainingClips", data.training().size());
        dataRecord.addProperty("validationClips", data.validation().size());
        record.add("data", dataRecord);
        return record;
    }

    /**
     * SHA-256 over the label set and, per clip in order, its split, id, sorted tags and fingerprint: what a trained
     * folder records of its data.
     */
    public static String dataHash(TrainingData data) {
        StringBuilder text = new StringBuilder(String.join("\u0000", data.labels())).append('\n');
        appendClips(text, "training", data.training());
        appendClips(text, "validation", data.validation());
        return ProviderFiles.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendClips(StringBuilder text, String split, List<TrainingClip> clips) {
        for (TrainingClip clip : clips) {
            text.append(split).append('\u0000').append(clip.id()).append('\u0000')
                    .append(String.join("\u0000", new TreeSet<>(clip.tags()))).append('\u0000')
                    .append(clip.fingerprint()).append('\n');
        }
    }
}
