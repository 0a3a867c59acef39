package io.fixate.eval.dataset;

import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link Datasets} says about folders that are not datasets, or not of the kind asked for. */
class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfNoKnownLayoutIsRefusedNamingWhatWasLookedFor() throws IOException {
        Fixtures.text(dir.resolve("readme.txt"), "nothing here");
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> Datasets.open(dir));
        assertTrue(e.getMessage().contains(dir + " is not a dataset Fixate reads"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset.json") && e.getMessage().contains("Annotations.txt")
                && e.getMessage().contains("fold_lists"), e.getMessage());
    }

    @Test
    void eachReaderRefusesTheOtherLayouts() throws IOException {
        Fixtures.text(dir.resolve("Annotations.txt"), "Category&VideoID&Quality&StartTime&EndTime");
        InvalidOptionsException benchmark = assertThrows(InvalidOptionsException.class,
                () -> Datasets.openBenchmark(dir));
        assertTrue(benchmark.getMessage().contains("not a Fixate benchmark: it has no dataset.json"),
                benchmark.getMessage());
        assertThrows(InvalidOptionsException.class, () -> Datasets.openStavis(dir, "DIEM"));
        assertThrows(InvalidOptionsException.class, () -> Datasets.stavisDatabases(dir));
    }

    @Test
    void aFileIsNotADatasetAndAMissingPathIsAMissingFile() throws IOException {
        Path file = Fixtures.text(dir.resolve("Annotations.txt"), "x");
        InvalidOptionsException notFolder = assertThrows(InvalidOptionsException.class, () -> Datasets.open(file));
        assertTrue(notFolder.getMessage().contains(file + " is a file"), notFolder.getMessage());

        Path absent = dir.resolve("absent");
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> Datasets.openAve(absent));
        assertInstanceOf(NoSuchFileException.class, missing.getCause());
        assertTrue(missing.getMessage().contains(absent.toString()), missing.getMessage());
    }

    @Test
    void anEmptyStavisRootHasNoDatabaseToOpen() throws IOException {
        Files.createDirectories(dir.resolve("fold_lists"));
        Files.createDirectories(dir.resolve("video_frames"));
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> Datasets.open(dir));
        assertTrue(e.getMessage().contains("STAViS data root with no databases"), e.getMessage());
    }
}
