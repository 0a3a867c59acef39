package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An AVE dataset with the awkward parts of the real one: categories with spaces, commas and parentheses, a video
 * with two events, videos both under {@code AVE/} and beside the index, split files with and without the header,
 * Windows line ends and a byte-order mark.
 */
class AveReaderTest {

    private static final String HEADER = "Category&VideoID&Quality&StartTime&EndTime";
    private static final String SPEECH = "RUhOCu3LNXM";
    private static final String BELL = "-0A9suni5YA";

    @TempDir
    Path root;

    @BeforeEach
    void writeAve() throws IOException {
        Files.writeString(root.resolve("Annotations.txt"), "\uFEFF" + String.join("\r\n", HEADER,
                "Male speech, man speaking&" + SPEECH + "&good&0&3",
                "Frying (food)&" + SPEECH + "&good&3.5&10",
                "Church bell&" + BELL + "&good&1&7",
                "accordion&" + BELL + "&good&7&10") + "\r\n", StandardCharsets.UTF_8);
        Fixtures.text(root.resolve("trainSet.txt"), "Church bell&" + BELL + "&good&1&7");
        Fixtures.text(root.resolve("testSet.txt"), HEADER, "Male speech, man speaking&" + SPEECH + "&good&0&3",
                "Frying (food)&" + SPEECH + "&good&3.5&10", "");
        Fixtures.video(root.resolve("AVE/" + SPEECH + ".mp4"), 32, 24, 10, 6, true);
        Fixtures.video(root.resolve(BELL + ".mp4"), 32, 24, 10, 4, false);
    }

    @Test
    void readsEventsTagsAndByteOrderedLabels() {
        EvalDataset dataset = Datasets.open(root);
        assertEquals(DatasetLayout.AVE, dataset.layout());
        assertEquals(root.getFileName().toString(), dataset.name());
        assertEquals(List.of("Church bell", "Frying (food)", "Male speech, man speaking", "accordion"),
                dataset.labels(), "UTF-8 byte order puts upper case before lower case");
        assertEquals(List.of(SPEECH, BELL), dataset.videos().stream().map(VideoEntry::id).toList());
        VideoEntry speech = dataset.video(SPEECH);
        assertEquals(List.of("Male speech, man speaking", "Frying (food)"), List.copyOf(speech.tags()));
        assertEquals(List.of(new AveEvent("Male speech, man speaking", "good", 0, 3),
                new AveEvent("Frying (food)", "good", 3.5, 10)), speech.events());
        assertEquals(root.resolve("AVE/" + SPEECH + ".mp4"), speech.location());
        assertEquals(root.resolve(BELL + ".mp4"), dataset.video(BELL).location());
        assertEquals(Set.of(), speech.scenarios());
    }

    @Test
    void splitsWithOrWithoutHeaderAndNoValidationSplit() {
        EvalDataset dataset = Datasets.openAve(root);
        assertEquals(List.of("train", "test"), List.copyOf(dataset.splitNames()));
        assertEquals(List.of(dataset.video(BELL)), dataset.split("train"));
        assertEquals(List.of(dataset.video(SPEECH)), dataset.split("test"), "two events, one video");
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> dataset.split("val"));
        assertTrue(e.getMessage().contains("available: train, test"), e.getMessage());
    }

    @Test
    void hasNoGroundTruthButFramesAndAFormatFromTheContainer() {
        VideoEntry speech = Datasets.open(root).video(SPEECH);
        assertEquals(Optional.empty(), speech.groundTruth());
        assertEquals(new VideoFormat(6, 10, 32, 24), speech.format());
        int frames = 0;
        try (VideoMedia media = speech.media(AudioRequirement.DEFAULT)) {
            for (FrameWithAudio frame : media) {
                assertEquals(Fixtures.greyOfFrame(frames), frame.frame().channel(5, 5, 1), 4);
                frames++;
            }
        }
        assertEquals(6, frames);
    }

    @Test
    void aMissingVideoNamesEveryPlaceLookedAt() throws IOException {
        Files.delete(root.resolve(BELL + ".mp4"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Datasets.open(root));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        for (String place : List.of("AVE/", "videos/", "")) {
            assertTrue(e.getMessage().contains(root.resolve(place + BELL + ".mp4").toString()), e.getMessage());
        }
    }

    @Test
    void malformedLinesAreCorruptNamingFileAndLine() throws IOException {
        Path annotations = Fixtures.text(root.resolve("Annotations.txt"), HEADER,
                "Church bell&" + BELL + "&good&1&7", "Church bell&" + BELL + "&good");
        CorruptMediaException fields = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(fields.getMessage().contains(annotations + " line 3"), fields.getMessage());

        Fixtures.text(root.resolve("Annotations.txt"), HEADER, "Church bell&" + BELL + "&good&one&7");
        CorruptMediaException time = assertThrows(CorruptMediaException.class, () -> Datasets.open(root));
        assertTrue(time.getMessage().contains("line 2: StartTime 'one'"), time.getMessage());
    }

    @Test
    void aCategoryContainingTheSeparatorStillParses() throws IOException {
        Fixtures.text(root.resolve("Annotations.txt"), HEADER, "Rock & roll&" + BELL + "&good&0&10",
                "Frying (food)&" + SPEECH + "&good&0&10");
        Files.delete(root.resolve("trainSet.txt"));
        Files.delete(root.resolve("testSet.txt"));
        EvalDataset dataset = Datasets.open(root);
        assertEquals(List.of(new AveEvent("Rock & roll", "good", 0, 10)), dataset.video(BELL).events());
        assertEquals(Set.of(), dataset.splitNames());
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> dataset.split("train"));
        assertTrue(e.getMessage().contains("defines no splits"), e.getMessage());
    }

    @Test
    void aFolderWithoutAnnotationsIsNotAnAveDataset() throws IOException {
        Files.delete(root.resolve("Annotations.txt"));
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> Datasets.openAve(root));
        assertTrue(e.getMessage().contains(root + " is not an AVE dataset"), e.getMessage());
    }
}
