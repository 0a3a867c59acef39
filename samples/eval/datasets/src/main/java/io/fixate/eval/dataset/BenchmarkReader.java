package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.InvalidOptionsException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Fixate benchmark layout {@value #FORMAT}: {@code dataset.json}, the AVE-format index files,
 * {@code videos/<id>.mp4} and {@code ground_truth/<id>/} with the density PNGs, {@code fixations.json} and
 * {@code clip.json}. The index and every video file are checked when the dataset is opened; ground truth when a
 * video's is opened.
 */
final class BenchmarkReader {

    static final String MANIFEST = "dataset.json";
    static final String FORMAT = "fixate-benchmark/1";
    private static final String CONTEXT_FRAMES = "contextFrames";

    private BenchmarkReader() {
    }

    /**
     * @throws InvalidOptionsException      if {@code dataset.json} declares another format
     * @throws CorruptMediaException        if an index file is damaged or names an undeclared category
     * @throws java.io.UncheckedIOException if an index file or a video file is missing
     */
    static EvalDataset read(Path root) {
        JsonFields manifest = JsonFields.read(root.resolve(MANIFEST));
        String format = manifest.string("format");
        if (!FORMAT.equals(format)) {
            throw new InvalidOptionsException(manifest.file() + " declares format '" + format
                    + "'; this reader reads " + FORMAT);
        }
        Geometry geometry = new Geometry(manifest.positiveInteger("width"), manifest.positiveInteger("height"),
                manifest.positiveNumber("frameRate"));
        List<String> categories = manifest.strings("categories");
        Set<String> declared = new HashSet<>(categories);
        AveIndex index = AveIndex.read(root);
        List<VideoEntry> videos = new ArrayList<>();
        for (Map.Entry<String, List<AveEvent>> annotated : index.eventsByVideo().entrySet()) {
            String id = annotated.getKey();
            for (AveEvent event : annotated.getValue()) {
                if (!declared.contains(event.category())) {
                    throw new CorruptMediaException(root.resolve(AveIndex.ANNOTATIONS) + ": video " + id
                            + " has category '" + event.category() + "', which " + manifest.file()
                            + " does not declare");
                }
            }
            Path video = DatasetFiles.requireFile(root.resolve("videos").resolve(id + ".mp4"));
            Path groundTruth = root.resolve("ground_truth").resolve(id);
            videos.add(new VideoEntry(id, annotated.getValue(), new BenchmarkVideo(video, groundTruth, geometry)));
        }
        return new EvalDataset(manifest.string("name"), DatasetLayout.BENCHMARK, root, categories, videos,
                index.videosBySplit());
    }

    /** What {@code dataset.json} declares for every clip. */
    record Geometry(int width, int height, double frameRate) {
    }

    private record BenchmarkVideo(Path location, Path groundTruthFolder, Geometry geometry) implements VideoSource {

        @Override
        public VideoFormat readFormat() {
            int frames = BenchmarkGroundTruth.read(groundTruthFolder, geometry).frameCount();
            return new VideoFormat(frames, geometry.frameRate(), geometry.width(), geometry.height());
        }

        @Override
        public VideoMedia openMedia(AudioRequirement audio) {
            return new FileClipMedia(location, audio);
        }

        @Override
        public Optional<VideoGroundTruth> openGroundTruth() {
            return Optional.of(BenchmarkGroundTruth.read(groundTruthFolder, geometry));
        }

        /** Asked only of a run that learns from the generated ground truth ({@link DatasetClips.GroundTruthUse}). */
        @Override
        public String groundTruthFingerprint() {
            return ContentFingerprint.of(groundTruthFolder);
        }

        @Override
        public List<String> readScenarios() {
            return clipDescription().strings("scenarios");
        }

        /** The granularity scenes list their context frames; the other scenes have none. */
        @Override
        public List<Integer> readContextFrames() {
            JsonFields clip = clipDescription();
            return clip.has(CONTEXT_FRAMES) ? clip.distinctIndices(CONTEXT_FRAMES) : List.of();
        }

        private JsonFields clipDescription() {
            return JsonFields.read(groundTruthFolder.resolve("clip.json"));
        }
    }
}
