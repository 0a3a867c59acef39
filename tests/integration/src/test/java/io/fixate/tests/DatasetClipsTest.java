package io.fixate.tests;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.cli.DatasetClips;
import io.fixate.eval.dataset.Datasets;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TaggedClip;
import io.fixate.spi.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dataset on disk seen as training data: what a trainer gets from {@link DatasetClips}. */
class DatasetClipsTest {

    private final Path benchmark = TinyBenchmark.shared();

    @TempDir
    Path dir;

    @Test
    void trainingDataHasTheBenchmarksLabelsAndSplits() {
        TrainingData data = DatasetClips.trainingData(Datasets.open(benchmark));

        assertEquals(TinyBenchmark.SPEC.name(), data.name());
        assertEquals(TinyBenchmark.SPEC.categoryNames(), data.labels());
        assertEquals(TinyBenchmark.idsOf(benchmark, "trainSet.txt"), ids(data.training()));
        assertEquals(TinyBenchmark.idsOf(benchmark, "valSet.txt"), ids(data.validation()));
        assertFalse(data.validation().isEmpty(), "validation clips are there to compare");
        for (TaggedClip clip : data.training()) {
            assertEquals(1, clip.tags().size(), clip.id());
            assertTrue(data.labels().containsAll(clip.tags()), clip.id());
        }
    }

    @Test
    void withoutAValSplitNothingIsValidated() throws IOException {
        Path root = TinyBenchmark.generate(dir.resolve("tiny"));
        Files.delete(root.resolve("valSet.txt"));

        TrainingData data = DatasetClips.trainingData(Datasets.open(root));
        assertEquals(List.of(), data.validation());
        assertEquals(TinyBenchmark.idsOf(root, "trainSet.txt"), ids(data.training()));
    }

    @Test
    void extraDatasetsAddEveryVideoToTheTrainingClipsUnderTheirFolderName() throws IOException {
        Path more = TinyBenchmark.generate(dir.resolve("seed-2"), TinyBenchmark.SPEC.withSeed(2));

        TrainingData data = DatasetClips.trainingData(Datasets.open(benchmark), List.of(Datasets.open(more)));

        List<String> own = TinyBenchmark.idsOf(benchmark, "trainSet.txt");
        List<String> extra = TinyBenchmark.idsOf(more, "Annotations.txt").stream().map(id -> "seed-2/" + id).toList();
        assertEquals(Stream.concat(own.stream(), extra.stream()).toList(), ids(data.training()));
        assertEquals(TinyBenchmark.idsOf(benchmark, "valSet.txt"), ids(data.validation()), "validation stays its own");
        assertEquals(TinyBenchmark.SPEC.name() + " + seed-2", data.name());
        TaggedClip first = data.training().get(own.size());
        assertEquals(sha256(more.resolve("videos").resolve(first.id().substring("seed-2/".length()) + ".mp4")),
                first.fingerprint(), "an extra clip reads its own dataset's video");
    }

    @Test
    void anExtraDatasetWithCategoriesOutsideTheLabelSetIsRefused() throws IOException {
        Path wider = TinyBenchmark.generate(dir.resolve("wider"), TinyBenchmark.SPEC.withCategories(4));

        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> DatasetClips.trainingData(Datasets.open(benchmark), List.of(Datasets.open(wider))));
        assertTrue(e.getMessage().contains("tags outside the label set"), e.getMessage());
    }

    @Test
    void theDatasetItselfIsRefusedAsExtraData() {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> DatasetClips.trainingData(Datasets.open(benchmark), List.of(Datasets.open(benchmark))));
        assertTrue(e.getMessage().contains("is the dataset itself"), e.getMessage());
    }

    @Test
    void fingerprintIsTheSha256OfTheVideoFileAndFollowsItsContent() throws IOException {
        Path root = TinyBenchmark.generate(dir.resolve("tiny"));
        TaggedClip clip = DatasetClips.trainingData(Datasets.open(root)).training().get(0);
        Path video = root.resolve("videos").resolve(clip.id() + ".mp4");

        String fingerprint = clip.fingerprint();
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        assertEquals(sha256(video), fingerprint);
        assertEquals(fingerprint, clip.fingerprint(), "stable across reads");

        Files.write(video, new byte[]{0}, StandardOpenOption.APPEND);
        TaggedClip reread = DatasetClips.trainingData(Datasets.open(root)).training().get(0);
        assertEquals(clip.id(), reread.id());
        assertNotEquals(fingerprint, reread.fingerprint(), "a changed file is other training data");
    }

    @Test
    void openYieldsEveryFrameOfTheClipAndCanBeIteratedAgain() {
        TaggedClip clip = DatasetClips.trainingData(Datasets.open(benchmark)).training().get(0);

        try (ClipMedia media = clip.open(AudioRequirement.DEFAULT)) {
            assertEquals(TinyBenchmark.SPEC.frameCount(), count(media));
            assertEquals(TinyBenchmark.SPEC.frameCount(), count(media), "a second pass starts again");
        }
    }

    private static List<String> ids(List<TaggedClip> clips) {
        return clips.stream().map(TaggedClip::id).toList();
    }

    private static int count(Iterable<FrameWithAudio> frames) {
        int n = 0;
        for (FrameWithAudio ignored : frames) {
            n++;
        }
        return n;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
