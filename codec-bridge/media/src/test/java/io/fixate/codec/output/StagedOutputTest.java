package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs put in place together by {@link StagedOutput#commitAll}: all of them, or none when one cannot finish. */
class StagedOutputTest {

    private static final int WIDTH = 32;
    private static final int HEIGHT = 24;
    private static final int FRAMES = 5;
    private static final JsonHeader HEADER = new JsonHeader("clip.mp4", "test", WIDTH, HEIGHT, 25);

    @TempDir
    Path dir;

    /** An output that fails to finish as on a full disk; it counts its aborts. */
    private static class FullDisk implements StagedOutput {
        int aborts;

        @Override
        public void finish() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void commit() {
            throw new AssertionError("committed although it could not finish");
        }

        @Override
        public void abort() {
            aborts++;
        }
    }

    private static FixationMap map(int frame) {
        return FixationMap.of(2, 1, new float[] {1f, 0f}, frame * 40_000L, WIDTH, HEIGHT);
    }

    private static VideoFrame frame(int frame) {
        return VideoFrame.ofRgb(WIDTH, HEIGHT, frame * 40_000L, new byte[WIDTH * HEIGHT * 3]);
    }

    private FixationJsonWriter json(String name) throws IOException {
        FixationJsonWriter writer = FixationJsonWriter.open(dir.resolve(name), HEADER, 3, 0.1);
        for (int i = 0; i < FRAMES; i++) {
            writer.write(i, map(i));
        }
        return writer;
    }

    /** Every file and folder under {@code dir} with its bytes, so two snapshots differ if anything changed. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(p -> !p.equals(dir)).toList()) {
                String content = Files.isDirectory(path) ? "(folder)"
                        : new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                entries.put(dir.relativize(path).toString(), content);
            }
        }
        return entries;
    }

    @Test
    void aFailureFinishingTheSecondOutputLeavesTheFirstTargetAsItWas() throws IOException {
        Files.writeString(dir.resolve("out.json"), "{\"from\": \"an earlier run\"}");
        Map<String, String> before = snapshot();
        FixationJsonWriter first = json("out.json");
        FullDisk second = new FullDisk();

        IOException e = assertThrows(IOException.class, () -> StagedOutput.commitAll(List.of(first, second)));

        assertEquals("No space left on device", e.getMessage());
        assertEquals(1, second.aborts);
        assertEquals(before, snapshot(), "the earlier JSON byte for byte, and no new file");
    }

    @Test
    void noKindOfOutputIsPutInPlaceWhenALaterOneCannotFinish() throws IOException {
        Files.writeString(dir.resolve("out.mp4"), "an earlier video");
        Files.writeString(dir.resolve("out.json"), "an earlier JSON");
        Files.createDirectory(dir.resolve("maps"));
        Files.writeString(dir.resolve("maps/map_000000.png"), "an earlier map");
        Map<String, String> before = snapshot();
        HeatmapVideoWriter heatmap = HeatmapVideoWriter.open(dir.resolve("out.mp4"), WIDTH, HEIGHT, 25, 0, 0,
                HeatmapStyle.DEFAULT);
        FixationJsonWriter json = json("out.json");
        StagedMapFolder maps = StagedMapFolder.open(dir.resolve("maps"), BitDepth.EIGHT);
        for (int i = 0; i < FRAMES; i++) {
            heatmap.write(frame(i), map(i));
            maps.write(map(i));
        }

        assertThrows(IOException.class, () -> StagedOutput.commitAll(List.of(heatmap, json, maps, new FullDisk())));

        assertEquals(before, snapshot());
    }

    @Test
    void finishingChangesNoTargetAndCommittingRenamesOnly() throws IOException {
        Files.writeString(dir.resolve("out.json"), "an earlier JSON");
        FixationJsonWriter json = json("out.json");
        StagedMapFolder maps = StagedMapFolder.open(dir.resolve("maps"), BitDepth.EIGHT);
        maps.write(map(0));

        json.finish();
        maps.finish();
        assertEquals("an earlier JSON", Files.readString(dir.resolve("out.json")));
        assertFalse(Files.exists(dir.resolve("maps")));
        assertThrows(IllegalStateException.class, () -> json.write(FRAMES, map(FRAMES)));

        StagedOutput.commitAll(List.of(json, maps));
        assertTrue(Files.readString(dir.resolve("out.json")).contains("\"frameCount\":" + FRAMES));
        assertEquals(List.of("maps", "maps/map_000000.png", "out.json"), List.copyOf(snapshot().keySet()));
    }

    @Test
    void aFailedRenameKeepsTheOutputsBeforeItAndDropsThoseAfterIt() throws IOException {
        Files.writeString(dir.resolve("c.json"), "an earlier c");
        FixationJsonWriter a = json("a.json");
        FixationJsonWriter b = json("b.json");
        FixationJsonWriter c = json("c.json");
        // b's target turns into a folder with a file in it, which a file cannot be renamed onto
        Files.createDirectories(dir.resolve("b.json/in the way"));

        IOException e = assertThrows(IOException.class, () -> StagedOutput.commitAll(List.of(a, b, c)));

        assertTrue(e.getMessage().contains("b.json"), e.getMessage());
        Map<String, String> after = snapshot();
        assertEquals(List.of("a.json", "b.json", "b.json/in the way", "c.json"), List.copyOf(after.keySet()));
        assertNotEquals("an earlier c", after.get("a.json"));
        assertEquals("an earlier c", after.get("c.json"));
    }

    @Test
    void abortingAllGoesOnAfterAFailure() throws IOException {
        StagedOutput failing = new FullDisk() {
            @Override
            public void abort() {
                throw new IllegalStateException("cannot abort");
            }
        };
        FixationJsonWriter json = json("out.json");
        FullDisk last = new FullDisk();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StagedOutput.abortAll(List.of(failing, json, last)));

        assertEquals("cannot abort", e.getMessage());
        assertEquals(1, last.aborts);
        assertEquals(Map.of(), snapshot(), "the JSON's temporary file is gone");
    }
}
