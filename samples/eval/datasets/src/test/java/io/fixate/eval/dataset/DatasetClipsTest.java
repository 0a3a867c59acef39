package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.UnreadableInputException;
import io.fixate.eval.synth.BenchmarkGenerator;
import io.fixate.eval.synth.BenchmarkSpec;
import io.fixate.eval.synth.ProgressListener;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import org.junit.jupiter.api.BeforeAll;
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

import static io.fixate.eval.dataset.DatasetClips.GroundTruthUse.ANY;
import static io.fixate.eval.dataset.DatasetClips.GroundTruthUse.RECORDED_GAZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dataset on disk seen as training data: what a trainer gets from {@link DatasetClips}. */
class DatasetClipsTest {

    private static final BenchmarkSpec SPEC = BenchmarkSpec.TINY.withClipsPerCategory(4);

    /** Read by every test that leaves it as it is; a test that changes a benchmark generates its own. */
    @TempDir
    static Path shared;
    private static Path benchmark;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateSharedBenchmark() throws IOException {
        benchmark = generate(shared.resolve("benchmark"), SPEC);
    }

    @Test
    void trainingDataHasTheBenchmarksLabelsAndSplits() throws IOException {
        TrainingData data = DatasetClips.trainingData(Datasets.open(benchmark));

        assertEquals(SPEC.name(), data.name());
        assertEquals(SPEC.categoryNames(), data.labels());
        assertEquals(idsOf(benchmark, "trainSet.txt"), ids(data.training()));
        assertEquals(idsOf(benchmark, "valSet.txt"), ids(data.validation()));
        assertFalse(data.validation().isEmpty(), "validation clips are there to compare");
        for (TrainingClip clip : data.training()) {
            assertEquals(1, clip.tags().size(), clip.id());
            assertTrue(data.labels().containsAll(clip.tags()), clip.id());
        }
    }

    @Test
    void theBenchmarksGeneratedGroundTruthReachesATrainerOnlyWhenAskedFor() throws IOException {
        EvalDataset dataset = Datasets.open(benchmark);
        for (TrainingClip clip : DatasetClips.trainingData(dataset).training()) {
            assertTrue(clip.gaze().isEmpty(), clip.id() + ": weak supervision never sees the ground truth");
        }

        TrainingData supervised = DatasetClips.trainingData(dataset, List.of(), ANY);
        TrainingClip clip = supervised.training().get(0);
        VideoGroundTruth truth = dataset.videos().stream().filter(video -> video.id().equals(clip.id())).findFirst()
                .orElseThrow().groundTruth().orElseThrow();
        RecordedGaze gaze = clip.gaze().orElseThrow();
        FixationMap density = gaze.density(3).orElseThrow();
        assertEquals(truth.frame(3).density().width(), density.width());
        assertEquals((float) Math.min(1, truth.frame(3).density().get(5, 7)), density.value(7, 5), 1e-6f);
        assertFalse(gaze.fixations(3).isEmpty(), "the generated observers' fixations");
        assertEquals(ContentFingerprint.of(benchmark.resolve("videos").resolve(clip.id() + ".mp4")) + "+gaze:"
                + ContentFingerprint.of(benchmark.resolve("ground_truth").resolve(clip.id())), clip.fingerprint(),
                "the ground truth learnt from is part of what the run was trained on");
    }

    @Test
    void withoutAValSplitNothingIsValidated() throws IOException {
        Path root = generate(dir.resolve("tiny"), SPEC);
        Files.delete(root.resolve("valSet.txt"));

        TrainingData data = DatasetClips.trainingData(Datasets.open(root));
        assertEquals(List.of(), data.validation());
        assertEquals(idsOf(root, "trainSet.txt"), ids(data.training()));
    }

    @Test
    void extraDatasetsAddEveryVideoToTheTrainingClipsUnderTheirFolderName() throws IOException {
        Path more = generate(dir.resolve("seed-2"), SPEC.withSeed(2));

        TrainingData data = DatasetClips.trainingData(Datasets.open(benchmark), List.of(Datasets.open(more)),
                RECORDED_GAZE);

        List<String> own = idsOf(benchmark, "trainSet.txt");
        List<String> extra = idsOf(more, "Annotations.txt").stream().map(id -> "seed-2/" + id).toList();
        assertEquals(Stream.concat(own.stream(), extra.stream()).toList(), ids(data.training()));
        assertEquals(idsOf(benchmark, "valSet.txt"), ids(data.validation()), "validation stays its own");
        assertEquals(SPEC.name() + " + seed-2", data.name());
        TrainingClip first = data.training().get(own.size());
        assertEquals(sha256(more.resolve("videos").resolve(first.id().substring("seed-2/".length()) + ".mp4")),
                first.fingerprint(), "an extra clip reads its own dataset's video");
    }

    @Test
    void anExtraDatasetWithCategoriesOutsideTheLabelSetIsRefused() throws IOException {
        Path wider = generate(dir.resolve("wider"), SPEC.withCategories(4));

        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> DatasetClips.trainingData(Datasets.open(benchmark), List.of(Datasets.open(wider)),
                        RECORDED_GAZE));
        assertTrue(e.getMessage().contains("tags outside the label set"), e.getMessage());
    }

    @Test
    void theDatasetItselfIsRefusedAsExtraData() {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> DatasetClips.trainingData(Datasets.open(benchmark), List.of(Datasets.open(benchmark)),
                        RECORDED_GAZE));
        assertTrue(e.getMessage().contains("is the dataset itself"), e.getMessage());
    }

    @Test
    void fingerprintIsTheSha256OfTheVideoFileAndFollowsItsContent() throws IOException {
        Path root = generate(dir.resolve("tiny"), SPEC);
        TrainingClip clip = DatasetClips.trainingData(Datasets.open(root)).training().get(0);
        Path video = root.resolve("videos").resolve(clip.id() + ".mp4");

        String fingerprint = clip.fingerprint();
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        assertEquals(sha256(video), fingerprint);
        assertEquals(fingerprint, clip.fingerprint(), "stable across reads");

        Files.write(video, new byte[]{0}, StandardOpenOption.APPEND);
        TrainingClip reread = DatasetClips.trainingData(Datasets.open(root)).training().get(0);
        assertEquals(clip.id(), reread.id());
        assertNotEquals(fingerprint, reread.fingerprint(), "a changed file is other training data");
    }

    @Test
    void aVideoGoneSinceTheDatasetWasReadIsUnreadableInputNamingIt() throws IOException {
        Path root = generate(dir.resolve("tiny"), SPEC);
        TrainingClip clip = DatasetClips.trainingData(Datasets.open(root)).training().get(0);
        Path video = root.resolve("videos").resolve(clip.id() + ".mp4");
        Files.delete(video);

        UnreadableInputException e = assertThrows(UnreadableInputException.class, clip::fingerprint);
        assertTrue(e.getMessage().contains(video.toString()), e.getMessage());
    }

    @Test
    void openYieldsEveryFrameOfTheClipAndCanBeIteratedAgain() {
        TrainingClip clip = DatasetClips.trainingData(Datasets.open(benchmark)).training().get(0);

        try (ClipMedia media = clip.open(AudioRequirement.DEFAULT)) {
            assertEquals(SPEC.frameCount(), count(media));
            assertEquals(SPEC.frameCount(), count(media), "a second pass starts again");
        }
    }

    private static Path generate(Path root, BenchmarkSpec spec) throws IOException {
        BenchmarkGenerator.generate(root, spec, false, ProgressListener.NONE);
        return root;
    }

    /** The video ids a split file ({@code trainSet.txt}, ...) lists, read as the AVE format defines it. */
    private static List<String> idsOf(Path root, String splitFile) throws IOException {
        return Files.readAllLines(root.resolve(splitFile)).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split("&")[1]).toList();
    }

    private static List<String> ids(List<TrainingClip> clips) {
        return clips.stream().map(TrainingClip::id).toList();
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
