package io.fixate.eval.synth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TINY benchmark on disk follows the fixate-benchmark/1 contract file by file. */
class BenchmarkLayoutTest {

    private static final BenchmarkSpec SPEC = BenchmarkSpec.TINY;

    @TempDir
    static Path root;
    private static GenerationResult result;

    @BeforeAll
    static void generate() throws IOException {
        result = BenchmarkGenerator.generate(root, SPEC, false, ProgressListener.NONE);
    }

    @Test
    void reportsWhatItWrote() {
        assertEquals(SPEC.clipCount(), result.clipsWritten());
        assertEquals(0, result.clipsKept());
        assertEquals((long) SPEC.clipCount() * SPEC.frameCount(), result.frames());
        assertTrue(result.bytes() > 0);
    }

    @Test
    void datasetJsonDescribesTheBenchmark() throws IOException {
        JsonObject dataset = json(root.resolve("dataset.json"));
        assertEquals("fixate-benchmark/1", dataset.get("format").getAsString());
        assertEquals(SPEC.name(), dataset.get("name").getAsString());
        assertEquals(SPEC.seed(), dataset.get("seed").getAsLong());
        assertEquals(SPEC.width(), dataset.get("width").getAsInt());
        assertEquals(SPEC.height(), dataset.get("height").getAsInt());
        assertEquals(SPEC.frameRate(), dataset.get("frameRate").getAsDouble());
        assertEquals(SPEC.clipSeconds(), dataset.get("clipSeconds").getAsInt());
        assertEquals(SPEC.audioSampleRate(), dataset.get("audioSampleRate").getAsInt());
        assertEquals(SPEC.observers(), dataset.get("observers").getAsInt());
        assertEquals(List.of("Bell", "Drum", "Siren"), strings(dataset.getAsJsonArray("categories")));
        JsonObject options = dataset.getAsJsonObject("options");
        for (String option : List.of("categoryCount", "clipsPerCategory", "width", "height", "frameRate",
                "clipSeconds", "audioSampleRate", "observers", "seed", "trainFraction", "valFraction", "variants")) {
            assertTrue(options.has(option), "options lack " + option);
        }
    }

    @Test
    void annotationsListEveryClipOnceInAveFormat() throws IOException {
        Map<String, String> clips = aveList(root.resolve("Annotations.txt"));
        assertEquals(SPEC.clipCount(), clips.size());
        assertEquals(Set.of("bell_0000", "bell_0001", "drum_0000", "drum_0001", "siren_0000", "siren_0001"),
                clips.keySet());
        clips.forEach((id, category) -> assertTrue(id.startsWith(category.toLowerCase() + "_"), id));
    }

    @Test
    void splitsPartitionTheClipsWithinEachCategory() throws IOException {
        Map<String, String> all = aveList(root.resolve("Annotations.txt"));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> trainPerCategory = new LinkedHashMap<>();
        for (String file : List.of("trainSet.txt", "valSet.txt", "testSet.txt")) {
            Map<String, String> split = aveList(root.resolve(file));
            for (Map.Entry<String, String> clip : split.entrySet()) {
                assertTrue(seen.add(clip.getKey()), clip.getKey() + " is in two splits");
                assertEquals(all.get(clip.getKey()), clip.getValue());
                if (file.equals("trainSet.txt")) {
                    trainPerCategory.merge(clip.getValue(), 1, Integer::sum);
                }
            }
        }
        assertEquals(all.keySet(), seen);
        assertEquals(Map.of("Bell", 1, "Drum", 1, "Siren", 1), trainPerCategory);
    }

    @Test
    void everyClipHasItsVideoAndOneDensityImagePerDecodedFrame() throws IOException {
        for (String id : aveList(root.resolve("Annotations.txt")).keySet()) {
            DecodedClip video = DecodedClip.read(root.resolve("videos").resolve(id + ".mp4"));
            assertEquals(SPEC.width(), video.info().width());
            assertEquals(SPEC.height(), video.info().height());
            assertEquals("h264", video.info().videoCodec());
            assertEquals("aac", video.info().audioCodec());
            assertEquals(SPEC.audioSampleRate(), video.audioSampleRate());
            assertEquals(SPEC.frameCount(), video.frameCount(), id);
            for (int i = 0; i < video.frameCount(); i++) {
                assertEquals(SPEC.frameTimeMicros(i), video.frameTimesMicros().get(i), 1, id + " frame " + i);
            }
            Path truth = root.resolve("ground_truth").resolve(id);
            try (Stream<Path> files = Files.list(truth)) {
                List<String> images = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("density_")).sorted().toList();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < video.frameCount(); i++) {
                    expected.add(String.format("density_%05d.png", i));
                }
                assertEquals(expected, images, id);
            }
        }
    }

    @Test
    void densityImagesAreSixteenBitGreyScaledToFullRange() throws IOException {
        Path image = root.resolve("ground_truth/siren_0001/density_00003.png");
        BufferedImage density = ImageIO.read(image.toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, density.getType());
        assertEquals(SPEC.width(), density.getWidth());
        assertEquals(SPEC.height(), density.getHeight());
        Raster raster = density.getRaster();
        int[] samples = raster.getSamples(0, 0, SPEC.width(), SPEC.height(), 0, (int[]) null);
        assertEquals(65_535, Arrays.stream(samples).max().orElseThrow());
        assertTrue(Arrays.stream(samples).min().orElseThrow() < 1000, "the density falls off away from objects");
    }

    @Test
    void fixationsListTheObserversOfEveryFrameInsideTheFrame() throws IOException {
        for (String id : aveList(root.resolve("Annotations.txt")).keySet()) {
            JsonObject fixations = json(root.resolve("ground_truth").resolve(id).resolve("fixations.json"));
            assertEquals("fixate-fixations-gt/1", fixations.get("format").getAsString());
            assertEquals(SPEC.width(), fixations.get("width").getAsInt());
            assertEquals(SPEC.height(), fixations.get("height").getAsInt());
            assertEquals(SPEC.frameRate(), fixations.get("frameRate").getAsDouble());
            JsonArray frames = fixations.getAsJsonArray("frames");
            assertEquals(SPEC.frameCount(), frames.size());
            for (int i = 0; i < frames.size(); i++) {
                JsonObject frame = frames.get(i).getAsJsonObject();
                assertEquals(i, frame.get("index").getAsInt());
                assertEquals(SPEC.frameTimeMicros(i), frame.get("timeMicros").getAsLong());
                JsonArray points = frame.getAsJsonArray("points");
                assertEquals(SPEC.observers(), points.size());
                for (JsonElement point : points) {
                    int x = point.getAsJsonArray().get(0).getAsInt();
                    int y = point.getAsJsonArray().get(1).getAsInt();
                    assertTrue(x >= 0 && x < SPEC.width() && y >= 0 && y < SPEC.height(), id + ": " + point);
                }
            }
        }
    }

    @Test
    void clipJsonNamesTheTagScenariosAndObjects() throws IOException {
        Map<String, String> clips = aveList(root.resolve("Annotations.txt"));
        Set<String> allScenarios = new HashSet<>();
        for (Map.Entry<String, String> clip : clips.entrySet()) {
            JsonObject description = json(root.resolve("ground_truth").resolve(clip.getKey()).resolve("clip.json"));
            assertEquals(clip.getValue(), description.get("category").getAsString());
            List<String> scenarios = strings(description.getAsJsonArray("scenarios"));
            allScenarios.addAll(scenarios);
            assertEquals(1, scenarios.stream().filter(s -> s.endsWith("-event")).count(), clip.getKey());
            List<JsonObject> events = objects(description).stream()
                    .filter(o -> o.get("role").getAsString().equals("event")).toList();
            assertEquals(1, events.size());
            assertEquals(clip.getValue(), events.get(0).get("category").getAsString());
            assertEquals(!scenarios.contains("irrelevant-audio"), events.get(0).get("sounding").getAsBoolean());
            long distractors = objects(description).stream()
                    .filter(o -> o.get("role").getAsString().equals("distractor")).count();
            assertTrue(distractors >= 2 && distractors <= 3, clip.getKey() + " has " + distractors + " distractors");
            objects(description).stream().filter(o -> !o.get("role").getAsString().equals("event"))
                    .forEach(o -> assertFalse(o.get("sounding").getAsBoolean(), clip.getKey()));
        }
        Set<String> defaultScenarios = Stream.concat(Stream.of(Scenario.STATIC_EVENT, Scenario.MOVING_EVENT),
                Variant.DEFAULT_CYCLE.stream().flatMap(v -> v.scenarios().stream())).map(Scenario::label)
                .collect(Collectors.toSet());
        assertEquals(defaultScenarios, allScenarios, "the tiny preset covers every scenario of the default cycle");
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> hidden = files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
            assertEquals(List.of(), hidden);
        }
    }

    /** Video id → category of an AVE list, after checking its header and line format. */
    static Map<String, String> aveList(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals("Category&VideoID&Quality&StartTime&EndTime", lines.get(0), file.toString());
        Map<String, String> clips = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("&", -1);
            assertEquals(5, fields.length, line);
            assertEquals("good", fields[2], line);
            assertEquals("0", fields[3], line);
            assertEquals(String.valueOf(SPEC.clipSeconds()), fields[4], line);
            clips.put(fields[1], fields[0]);
        }
        return clips;
    }

    static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.getAsString()));
        return values;
    }

    private static List<JsonObject> objects(JsonObject clip) {
        List<JsonObject> objects = new ArrayList<>();
        clip.getAsJsonArray("objects").forEach(e -> objects.add(e.getAsJsonObject()));
        return objects;
    }
}
