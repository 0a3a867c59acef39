package io.fixate.eval.synth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fixate.api.files.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text files of the {@code fixate-benchmark/1} layout: {@code dataset.json}, each clip's {@code clip.json} and
 * {@code fixations.json}, and the AVE-format annotation and split lists.
 */
final class BenchmarkFiles {

    static final String FORMAT = "fixate-benchmark/1";
    static final String FIXATIONS_FORMAT = "fixate-fixations-gt/1";
    /** Identifies the generator's algorithm: a later change that alters clips must change it. */
    static final String GENERATOR = "fixate-synth/1";
    static final String DATASET = "dataset.json";
    static final String ANNOTATIONS = "Annotations.txt";
    static final String AVE_HEADER = "Category&VideoID&Quality&StartTime&EndTime";

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private BenchmarkFiles() {
    }

    /** The content of {@code dataset.json}; its {@code options} identify the benchmark for resuming. */
    static JsonObject dataset(BenchmarkSpec spec) {
        JsonObject dataset = new JsonObject();
        dataset.addProperty("format", FORMAT);
        dataset.addProperty("name", spec.name());
        dataset.addProperty("seed", spec.seed());
        dataset.addProperty("width", spec.width());
        dataset.addProperty("height", spec.height());
        dataset.addProperty("frameRate", spec.frameRate());
        dataset.addProperty("clipSeconds", spec.clipSeconds());
        dataset.addProperty("audioSampleRate", spec.audioSampleRate());
        dataset.addProperty("observers", spec.observers());
        dataset.add("categories", array(spec.categoryNames()));
        dataset.add("options", options(spec));
        return dataset;
    }

    private static JsonObject options(BenchmarkSpec spec) {
        JsonObject options = new JsonObject();
        options.addProperty("generator", GENERATOR);
        options.addProperty("name", spec.name());
        options.addProperty("categoryCount", spec.categories());
        options.addProperty("clipsPerCategory", spec.clipsPerCategory());
        options.addProperty("width", spec.width());
        options.addProperty("height", spec.height());
        options.addProperty("frameRate", spec.frameRate());
        options.addProperty("clipSeconds", spec.clipSeconds());
        options.addProperty("audioSampleRate", spec.audioSampleRate());
        options.addProperty("observers", spec.observers());
        options.addProperty("seed", spec.seed());
        options.addProperty("trainFraction", spec.trainFraction());
        options.addProperty("valFraction", spec.valFraction());
        options.add("variants", array(spec.variants().stream().map(Variant::label).toList()));
        return options;
    }

    /**
     * The content of a clip's {@code clip.json}: its tag, scenarios and objects in drawing order; for a context
     * variant also its screens ({@code [left, top, width, height]}) and the frames where its context decides.
     */
    static JsonObject clip(ClipScene scene) {
        JsonObject clip = new JsonObject();
        clip.addProperty("category", scene.category().name());
        clip.add("scenarios", array(scene.scenarios().stream().map(Scenario::label).toList()));
        JsonArray objects = new JsonArray();
        for (SceneObject object : scene.objects()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("role", object.role().label());
            entry.addProperty("category", object.category().name());
            entry.addProperty("sounding", object.sounding());
            objects.add(entry);
        }
        clip.add("objects", objects);
        if (scene.variant().contextDecides()) {
            JsonArray screens = new JsonArray();
            for (Screen screen : scene.screens()) {
                screens.add(array(List.of(screen.left(), screen.top(), screen.width(), screen.height())));
            }
            clip.add("screens", screens);
            clip.add("contextFrames", array(scene.contextFrames()));
        }
        return clip;
    }

    /** The content of a clip's {@code fixations.json}: {@code fixations[i]} holds frame i's points. */
    static JsonObject fixations(BenchmarkSpec spec, List<int[][]> fixations) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FIXATIONS_FORMAT);
        root.addProperty("width", spec.width());
        root.addProperty("height", spec.height());
        root.addProperty("frameRate", spec.frameRate());
        JsonArray frames = new JsonArray();
        for (int i = 0; i < fixations.size(); i++) {
            JsonObject frame = new JsonObject();
            frame.addProperty("index", i);
            frame.addProperty("timeMicros", spec.frameTimeMicros(i));
            JsonArray points = new JsonArray();
            for (int[] point : fixations.get(i)) {
                JsonArray xy = new JsonArray();
                xy.add(point[0]);
                xy.add(point[1]);
                points.add(xy);
            }
            frame.add("points", points);
            frames.add(frame);
        }
        root.add("frames", frames);
        return root;
    }

    /** The lines of an AVE list: the header, then {@code <Category>&<VideoID>&good&0&<seconds>} per clip. */
    static String aveList(List<ClipEntry> clips, int clipSeconds) {
        StringBuilder text = new StringBuilder(AVE_HEADER).append('\n');
        for (ClipEntry clip : clips) {
            text.append(clip.category()).append('&').append(clip.videoId()).append("&good&0&").append(clipSeconds)
                    .append('\n');
        }
        return text.toString();
    }

    /** A clip as the AVE lists name it. */
    record ClipEntry(String category, String videoId) {
    }

    static void writePretty(Path file, JsonElement json) throws IOException {
        Files.writeString(file, PRETTY.toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    static void writeCompact(Path file, JsonElement json) throws IOException {
        Files.writeString(file, COMPACT.toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    /** Writes {@code text} so that {@code file} appears complete or not at all. */
    static void writeAtomically(Path file, String text) throws IOException {
        try {
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String pretty(JsonElement json) {
        return PRETTY.toJson(json) + "\n";
    }

    /** A JSON array of strings or numbers. */
    private static JsonArray array(List<?> values) {
        return COMPACT.toJsonTree(values).getAsJsonArray();
    }
}
