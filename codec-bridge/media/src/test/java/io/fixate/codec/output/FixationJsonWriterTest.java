package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixationJsonWriterTest {

    /** A sideways phone clip turned upright, with non-square pixels and sound. */
    private static final JsonHeader HEADER = new JsonHeader("clip.mpg", "baseline", 360, 288, 25, 90, false, 1.5,
            true);

    @TempDir
    Path dir;

    /** A 4x3 map with a strong peak at cell (3, 0) and a weaker separate maximum at (0, 2). */
    private static FixationMap map(int frame) {
        float[] values = new float[12];
        values[3] = 1f;
        values[8] = 0.6f;
        return FixationMap.of(4, 3, values, frame * 40_000L, 360, 288);
    }

    private static void assertPoint(FixationPoint expected, JsonObject actual) {
        assertEquals(expected.x(), actual.get("x").getAsDouble(), 1e-12);
        assertEquals(expected.y(), actual.get("y").getAsDouble(), 1e-12);
        assertEquals(expected.value(), actual.get("value").getAsFloat());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void writesHeaderFramesAndCount() throws IOException {
        Path target = dir.resolve("fixations.json");
        try (FixationJsonWriter writer = FixationJsonWriter.open(target, HEADER, 5, 0.1)) {
            for (int i = 0; i < 3; i++) {
                writer.write(i, map(i));
            }
            assertFalse(Files.exists(target), "nothing at the target before close");
        }

        JsonObject root = JsonParser.parseString(Files.readString(target)).getAsJsonObject();
        assertEquals(FixationJsonWriter.FORMAT, root.get("format").getAsString());
        assertEquals("clip.mpg", root.get("source").getAsString());
        assertEquals("baseline", root.get("model").getAsString());
        assertEquals(360, root.get("width").getAsInt());
        assertEquals(288, root.get("height").getAsInt());
        assertEquals(25.0, root.get("frameRate").getAsDouble());
        assertEquals(90, root.get("rotation").getAsInt());
        assertFalse(root.get("mirrored").getAsBoolean());
        assertEquals(1.5, root.get("pixelAspect").getAsDouble());
        assertTrue(root.get("audioPresent").getAsBoolean());
        assertEquals(3, root.get("frameCount").getAsInt());
        JsonArray frames = root.getAsJsonArray("frames");
        assertEquals(3, frames.size());

        JsonObject second = frames.get(1).getAsJsonObject();
        assertEquals(1, second.get("index").getAsInt());
        assertEquals(40_000, second.get("timeMicros").getAsLong());
        assertEquals(0.04, second.get("time").getAsDouble(), 1e-12);
        assertPoint(map(1).peak(), second.getAsJsonObject("peak"));
        JsonArray fixations = second.getAsJsonArray("fixations");
        List<FixationPoint> expected = map(1).topFixations(5, 0.1);
        assertEquals(2, expected.size());
        assertEquals(expected.size(), fixations.size());
        for (int i = 0; i < expected.size(); i++) {
            assertPoint(expected.get(i), fixations.get(i).getAsJsonObject());
        }
        assertEquals(List.of("fixations.json"), names());
    }

    @Test
    void abortLeavesAnEarlierFileIntact() throws IOException {
        Path target = Files.writeString(dir.resolve("fixations.json"), "{\"earlier\":true}");
        FixationJsonWriter writer = FixationJsonWriter.open(target, HEADER, 5, 0.1);
        writer.write(0, map(0));
        writer.abort();
        writer.close();

        assertEquals("{\"earlier\":true}", Files.readString(target));
        assertEquals(List.of("fixations.json"), names());
        assertThrows(IllegalStateException.class, () -> writer.write(1, map(1)));
    }

    @Test
    void emptyVideoGivesAnEmptyFrameList() throws IOException {
        Path target = dir.resolve("fixations.json");
        FixationJsonWriter.open(target, HEADER, 5, 0.1).close();

        JsonObject root = JsonParser.parseString(Files.readString(target)).getAsJsonObject();
        assertEquals(0, root.getAsJsonArray("frames").size());
        assertEquals(0, root.get("frameCount").getAsInt());
    }

    @Test
    void missingDirectoryIsRejected() {
        assertThrows(NoSuchFileException.class,
                () -> FixationJsonWriter.open(dir.resolve("missing/fixations.json"), HEADER, 5, 0.1));
    }
}
