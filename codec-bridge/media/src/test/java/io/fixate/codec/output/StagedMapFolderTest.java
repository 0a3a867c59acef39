package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.FixationMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedMapFolderTest {

    private static final FixationMap MAP = FixationMap.of(2, 1, new float[] {1f, 0f}, 0, 4, 2);

    @TempDir
    Path dir;

    private Path maps() {
        return dir.resolve("maps");
    }

    /** The names of the entries of {@code folder}, hidden ones included, sorted. */
    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void writeMaps(StagedMapFolder folder, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            folder.write(MAP);
        }
    }

    /** A maps folder as an earlier run left it: {@code count} maps holding their own names. */
    private Path earlierMaps(int count) throws IOException {
        Files.createDirectory(maps());
        for (int i = 0; i < count; i++) {
            String name = String.format("map_%06d.png", i);
            Files.writeString(maps().resolve(name), name);
        }
        return maps();
    }

    @Test
    void mapsAppearOnlyOnCommitInAHiddenFolderUntilThen() throws IOException {
        try (StagedMapFolder folder = StagedMapFolder.open(maps(), BitDepth.EIGHT)) {
            writeMaps(folder, 3);
            assertEquals(List.of(".maps.partial"), names(dir));
            assertEquals(3, folder.written());
            folder.commit();
        }
        assertEquals(List.of("maps"), names(dir));
        assertEquals(List.of("map_000000.png", "map_000001.png", "map_000002.png"), names(maps()));
    }

    @Test
    void replacingAFolderLeavesNoEarlierMapInIt() throws IOException {
        earlierMaps(5);
        try (StagedMapFolder folder = StagedMapFolder.open(maps(), BitDepth.EIGHT)) {
            writeMaps(folder, 2);
            folder.commit();
        }
        assertEquals(List.of("maps"), names(dir));
        assertEquals(List.of("map_000000.png", "map_000001.png"), names(maps()));
        assertFalse(Files.readString(maps().resolve("map_000000.png"), StandardCharsets.ISO_8859_1)
                .contains("map_000000.png"), "a new image, not the earlier file");
    }

    @Test
    void withoutACommitTheEarlierFolderStaysAsItWas() throws IOException {
        earlierMaps(2);
        try (StagedMapFolder folder = StagedMapFolder.open(maps(), BitDepth.EIGHT)) {
            writeMaps(folder, 4);
        }
        assertEquals(List.of("maps"), names(dir));
        assertEquals(List.of("map_000000.png", "map_000001.png"), names(maps()));
        assertEquals("map_000001.png", Files.readString(maps().resolve("map_000001.png")));
    }

    @Test
    void aFolderWithOtherFilesIsRefusedAndKept() throws IOException {
        earlierMaps(1);
        Files.writeString(maps().resolve("notes.txt"), "mine");

        FileSystemException e = assertThrows(FileSystemException.class,
                () -> StagedMapFolder.open(maps(), BitDepth.EIGHT));

        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals(List.of("maps"), names(dir));
        assertEquals(List.of("map_000000.png", "notes.txt"), names(maps()));
    }

    @Test
    void aFileOrAMissingParentIsRefused() throws IOException {
        Files.writeString(maps(), "a file");
        assertThrows(FileSystemException.class, () -> StagedMapFolder.open(maps(), BitDepth.EIGHT));
        assertThrows(NoSuchFileException.class,
                () -> StagedMapFolder.open(dir.resolve("missing/maps"), BitDepth.EIGHT));
        assertEquals(List.of("maps"), names(dir));
    }

    @Test
    void openingDeletesWhatKilledRunsLeftForTheSameFolderOnly() throws IOException {
        earlierMaps(1);
        // a writer of the old kind killed inside the folder, this folder's staging and replaced copies, and others'
        Files.writeString(maps().resolve(".map_000001.png.0123456789abcdef.tmp"), "half a map");
        Files.createDirectories(dir.resolve(".maps.partial"));
        Files.writeString(dir.resolve(".maps.partial/map_000000.png"), "half a run");
        Files.createDirectories(dir.resolve(".maps.replaced"));
        Files.writeString(dir.resolve(".maps.replaced/map_000000.png"), "the run before");
        Files.createDirectories(dir.resolve(".maps2.partial"));
        Files.writeString(dir.resolve(".maps.json.0123456789abcdef.tmp"), "another target's");

        try (StagedMapFolder folder = StagedMapFolder.open(maps(), BitDepth.EIGHT)) {
            folder.write(MAP);
            assertEquals(List.of(".maps.json.0123456789abcdef.tmp", ".maps.partial", ".maps2.partial", "maps"),
                    names(dir));
            Path newMap = dir.resolve(".maps.partial/map_000000.png");
            assertFalse(Files.readString(newMap, StandardCharsets.ISO_8859_1).contains("half a run"));
            assertEquals(List.of(".map_000001.png.0123456789abcdef.tmp", "map_000000.png"), names(maps()));
        }
    }

    @Test
    void earlierMapsCaughtBetweenTheTwoRenamesArePutBack() throws IOException {
        earlierMaps(2);
        Files.move(maps(), dir.resolve(".maps.replaced"));

        StagedMapFolder.open(maps(), BitDepth.EIGHT).close();

        assertEquals(List.of("maps"), names(dir));
        assertEquals(List.of("map_000000.png", "map_000001.png"), names(maps()));
    }

    @Test
    void commitAfterAbortIsRefused() throws IOException {
        StagedMapFolder folder = StagedMapFolder.open(maps(), BitDepth.EIGHT);
        writeMaps(folder, 1);
        folder.abort();
        folder.abort();
        assertThrows(IllegalStateException.class, folder::commit);
        assertThrows(IllegalStateException.class, () -> folder.write(MAP));
        assertEquals(List.of(), names(dir));
    }
}
