package io.fixate.api.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void temporaryFileIsHiddenBesideTheTarget() throws IOException {
        Path target = dir.resolve("out.json");
        try (AtomicFile file = AtomicFile.open(target)) {
            Path temporary = file.temporary();
            assertEquals(dir, temporary.getParent());
            String name = temporary.getFileName().toString();
            assertTrue(name.startsWith(".out.json.") && name.endsWith(".tmp"), name);
            assertTrue(Files.exists(temporary));
            assertFalse(Files.exists(target));
        }
    }

    @Test
    void commitReplacesAnExistingTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("out.json"), "old");
        try (AtomicFile file = AtomicFile.open(target)) {
            Files.writeString(file.temporary(), "new");
            assertEquals("old", Files.readString(target));
            file.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void closeWithoutCommitLeavesTheTargetAsItWas() throws IOException {
        Path target = Files.writeString(dir.resolve("out.json"), "old");
        try (AtomicFile file = AtomicFile.open(target)) {
            Files.writeString(file.temporary(), "half written");
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void commitAfterAbortIsRefused() throws IOException {
        AtomicFile file = AtomicFile.open(dir.resolve("out.json"));
        file.abort();
        assertThrows(IllegalStateException.class, file::commit);
        assertEquals(List.of(), names());
    }

    @Test
    void missingDirectoryIsNamed() {
        Path missing = dir.resolve("missing");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> AtomicFile.open(missing.resolve("out.json")));
        assertEquals(missing.toString(), e.getFile());
        assertTrue(e.getMessage().contains("output directory does not exist"), e.getMessage());
    }

    @Test
    void parentThatIsARegularFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("some.txt"), "x");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFile.open(file.resolve("out.mp4")));
        assertEquals(file.toString(), e.getFile());
        assertEquals(List.of("some.txt"), names());
    }

    @Test
    void targetThatIsADirectoryIsRefused() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("out.json"));
        assertThrows(FileSystemException.class, () -> AtomicFile.open(directory));
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void openingDeletesWhatKilledRunsLeftForTheSameTargetOnly() throws IOException {
        Path target = Files.writeString(dir.resolve("x"), "old");
        Files.writeString(dir.resolve(".x.0123456789abcdef.tmp"), "left by a killed run");
        Files.writeString(dir.resolve(".x.fedcba9876543210.tmp"), "and another");
        List<String> others = List.of(".x.y.0123456789abcdef.tmp", ".xy.0123456789abcdef.tmp",
                ".x.0123456789abcde.tmp", ".x.0123456789ABCDEF.tmp", ".x.backup.tmp", "x.0123456789abcdef.tmp");
        for (String name : others) {
            Files.writeString(dir.resolve(name), "someone else's");
        }
        Files.createDirectory(dir.resolve(".x.00000000000000ff.tmp"));

        try (AtomicFile file = AtomicFile.open(target)) {
            List<String> expected = new ArrayList<>(others);
            expected.addAll(List.of(".x.00000000000000ff.tmp", "x", file.temporary().getFileName().toString()));
            assertEquals(expected.stream().sorted().toList(), names());
        }
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aTemporaryNamesItsTarget() throws IOException {
        try (AtomicFile file = AtomicFile.open(dir.resolve("clip.v2.json"))) {
            assertEquals("clip.v2.json", AtomicFile.targetOf(file.temporary().getFileName().toString()));
        }
        assertNull(AtomicFile.targetOf("clip.v2.json"));
        assertNull(AtomicFile.targetOf(".clip.v2.json.tmp"));
    }
}
