package io.fixate.eval.synth;

import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the generator does with the directory it is given: refuse, resume or overwrite. */
class BenchmarkDirectoryTest {

    /** Two clips of one second: quick to write several times. */
    private static final BenchmarkSpec SMALL = BenchmarkSpec.TINY.withCategories(2).withClipsPerCategory(1);

    @Test
    void createsAMissingDirectory(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("a/b/bench");
        GenerationResult result = BenchmarkGenerator.generate(root, SMALL, false, ProgressListener.NONE);
        assertEquals(2, result.clipsWritten());
        assertTrue(Files.isRegularFile(root.resolve("Annotations.txt")));
    }

    @Test
    void refusesADirectoryThatHoldsSomethingElse(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("notes.txt"), "mine");
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> BenchmarkGenerator.generate(root, SMALL, false, ProgressListener.NONE));
        assertTrue(e.getMessage().contains(root.toString()) && e.getMessage().contains("no dataset.json")
                && e.getMessage().contains("overwrite"), e.getMessage());
        try (Stream<Path> entries = Files.list(root)) {
            assertEquals(1, entries.count(), "nothing was written");
        }
    }

    @Test
    void refusesAFile(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("bench"), "x");
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> BenchmarkGenerator.generate(file, SMALL, false, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
    }

    @Test
    void refusesABenchmarkOfOtherOptionsNamingThem(@TempDir Path root) throws IOException {
        BenchmarkGenerator.generate(root, SMALL, false, ProgressListener.NONE);
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> BenchmarkGenerator.generate(root, SMALL.withSeed(9).withObservers(3), false,
                        ProgressListener.NONE));
        assertTrue(e.getMessage().contains("observers, seed differ"), e.getMessage());
    }

    @Test
    void keepsFinishedClipsOfTheSameBenchmarkAndRedoesUnfinishedOnes(@TempDir Path root) throws IOException {
        BenchmarkGenerator.generate(root, SMALL, false, ProgressListener.NONE);
        Path kept = root.resolve("videos/bell_0000.mp4");
        FileTime keptTime = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(kept, keptTime);
        // an interrupted run: drum's video never committed, its ground truth half written, temporaries left behind
        Files.delete(root.resolve("videos/drum_0000.mp4"));
        Files.delete(root.resolve("ground_truth/drum_0000/density_00003.png"));
        Files.createDirectory(root.resolve("ground_truth/.drum_0000.partial"));
        Files.writeString(root.resolve("videos/.drum_0000.mp4.0123.tmp"), "half");
        Files.delete(root.resolve("Annotations.txt"));

        GenerationResult result = BenchmarkGenerator.generate(root, SMALL, false, ProgressListener.NONE);

        assertEquals(1, result.clipsKept());
        assertEquals(1, result.clipsWritten());
        assertEquals(keptTime, Files.getLastModifiedTime(kept));
        assertTrue(Files.isRegularFile(root.resolve("videos/drum_0000.mp4")));
        assertTrue(Files.isRegularFile(root.resolve("ground_truth/drum_0000/density_00003.png")));
        assertTrue(Files.isRegularFile(root.resolve("Annotations.txt")));
        assertFalse(Files.exists(root.resolve("ground_truth/.drum_0000.partial")));
        assertFalse(Files.exists(root.resolve("videos/.drum_0000.mp4.0123.tmp")));
    }

    @Test
    void overwriteReplacesTheLayoutButLeavesOtherFiles(@TempDir Path root) throws IOException {
        BenchmarkGenerator.generate(root, SMALL, false, ProgressListener.NONE);
        Files.writeString(root.resolve("notes.txt"), "mine");
        BenchmarkSpec other = SMALL.withSeed(5).withCategories(3);
        GenerationResult result = BenchmarkGenerator.generate(root, other, true, ProgressListener.NONE);
        assertEquals(3, result.clipsWritten());
        assertEquals(0, result.clipsKept());
        assertTrue(Files.readString(root.resolve("dataset.json")).contains("\"seed\": 5"));
        assertTrue(Files.isRegularFile(root.resolve("videos/siren_0000.mp4")));
        assertEquals("mine", Files.readString(root.resolve("notes.txt")));
    }

    @Test
    void reportsProgressInFramesUpToTheTotal(@TempDir Path root) throws IOException {
        long[] last = {-1, -1};
        BenchmarkGenerator.generate(root, SMALL, false, (done, total) -> {
            assertTrue(done >= last[0], "progress never goes back");
            last[0] = done;
            last[1] = total;
        });
        assertEquals(2L * SMALL.frameCount(), last[0]);
        assertEquals(2L * SMALL.frameCount(), last[1]);
    }
}
