package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.eval.metrics.Grid;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dataset on disk as {@link TrainingData}: its label set, the videos of its {@code train} split to train on and
 * those of its {@code val} split (if it has one) to validate with, optionally joined by every video of further
 * datasets as more clips to train on. Tags are optional: a clip of a tagged dataset (the benchmark, AVE) carries its
 * tags, one of an untagged one (OSIE, STAViS, DHF1K, a media folder) none, and a trainer that learns from tags checks
 * with {@link TrainingData#requireTags()}. A clip of a layout that records real eye tracking
 * ({@link DatasetLayout#recordsRealGaze()}: OSIE, STAViS, DHF1K) carries its {@link RecordedGaze}, read lazily, frame
 * by frame, from its ground truth. The benchmark's generated ground truth is handed to a trainer only when asked for
 * ({@link GroundTruthUse#ANY}: a fully supervised model trained on the benchmark); by default it is the evaluation's
 * alone, as the weakly supervised method's protocol has it.
 *
 * <p>Each clip's fingerprint is the {@link ContentFingerprint} of its video file or frame folder, followed for a clip
 * with recorded gaze by that of its ground truth (map files, or OSIE's points), computed on first use and kept, so a
 * trainer that never asks for it costs no read.
 */
public final class DatasetClips {

    private static final String TRAIN = "train";
    private static final String VALIDATION = "val";

    private DatasetClips() {
    }

    /** Which ground truth a training clip carries as its {@link RecordedGaze}. */
    public enum GroundTruthUse {
        /** Only real eye tracking (OSIE, STAViS, DHF1K); the benchmark's generated ground truth stays unseen. */
        RECORDED_GAZE,
        /** Any ground truth the layout has, the benchmark's generated one included. */
        ANY
    }

    /**
     * The training data of {@code dataset}, named after it.
     *
     * @throws InvalidOptionsException when the dataset has no {@code train} split, or its tags break
     *                                 {@link TrainingData}'s rules
     */
    public static TrainingData trainingData(EvalDataset dataset) {
        return trainingData(dataset, List.of(), GroundTruthUse.RECORDED_GAZE);
    }

    /**
     * The training data of {@code dataset} with every video of each {@code extra} dataset, whatever its split, added
     * to the clips to train on (validation stays {@code dataset}'s). An extra clip's id is its dataset folder's name,
     * a slash and its own id, so that two benchmarks generated with different seeds can be used together. The label
     * set is {@code dataset}'s; when {@code dataset} is untagged, it is the extra datasets' labels in the order they
     * first appear, so that untagged eye-tracking data can be joined by tagged clips for a labeler teacher. {@code
     * use} says which datasets' ground truth the clips carry.
     *
     * @throws InvalidOptionsException when {@code dataset} has no {@code train} split, an extra dataset is
     *                                 {@code dataset} itself, or the clips break the rules of {@link TrainingData}
     *                                 (an extra clip with a tag outside {@code dataset}'s label set, two extra
     *                                 datasets in folders of the same name)
     */
    public static TrainingData trainingData(EvalDataset dataset, List<EvalDataset> extra, GroundTruthUse use) {
        if (!dataset.splitNames().contains(TRAIN)) {
            throw new InvalidOptionsException("dataset " + dataset.name() + " at " + dataset.root() + " has no '"
                    + TRAIN + "' split to train on; its splits: "
                    + (dataset.splitNames().isEmpty() ? "none" : String.join(", ", dataset.splitNames())));
        }
        List<TrainingClip> training = new ArrayList<>(clips(dataset, dataset.split(TRAIN), "", use));
        StringBuilder name = new StringBuilder(dataset.name());
        Path ownRoot = dataset.root().toAbsolutePath().normalize();
        Set<String> labels = new LinkedHashSet<>(dataset.labels());
        for (EvalDataset more : extra) {
            if (dataset.labels().isEmpty()) {
                labels.addAll(more.labels());
            }
            Path root = more.root().toAbsolutePath().normalize();
            if (root.equals(ownRoot)) {
                // its val clips would be trained on, and its train clips twice
                throw new InvalidOptionsException("extra dataset " + root + " is the dataset itself");
            }
            String folder = root.getFileName().toString();
            training.addAll(clips(more, more.videos(), folder + "/", use));
            name.append(" + ").append(folder);
        }
        List<TrainingClip> validation = dataset.splitNames().contains(VALIDATION)
                ? clips(dataset, dataset.split(VALIDATION), "", use) : List.of();
        return new TrainingData(name.toString(), List.copyOf(labels), training, validation);
    }

    private static List<TrainingClip> clips(EvalDataset dataset, List<VideoEntry> videos, String idPrefix,
                                            GroundTruthUse use) {
        DatasetLayout layout = dataset.layout();
        boolean gaze = layout.recordsRealGaze() || (use == GroundTruthUse.ANY && layout.hasGroundTruth());
        return videos.stream().<TrainingClip>map(video -> new VideoClip(video, idPrefix + video.id(), gaze)).toList();
    }

    /** One video of the dataset; thread-safe like the {@link VideoEntry} it reads. */
    private static final class VideoClip implements TrainingClip {

        private final VideoEntry video;
        private final String id;
        private final Optional<RecordedGaze> gaze;
        private String fingerprint;

        VideoClip(VideoEntry video, String id, boolean recordsGaze) {
            this.video = video;
            this.id = id;
            this.gaze = recordsGaze ? Optional.of(new VideoGaze(video)) : Optional.empty();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<String> tags() {
            return video.tags();
        }

        @Override
        public synchronized String fingerprint() {
            if (fingerprint == null) {
                String media = ContentFingerprint.of(video.location());
                fingerprint = gaze.isPresent() ? media + "+gaze:" + video.groundTruthFingerprint() : media;
            }
            return fingerprint;
        }

        @Override
        public Optional<RecordedGaze> gaze() {
            return gaze;
        }

        @Override
        public ClipMedia open(AudioRequirement audio) {
            return new EntryMedia(video.media(audio));
        }

        @Override
        public String toString() {
            return "clip " + id + " at " + video.location();
        }
    }

    /**
     * A video's ground truth as the spi's recorded gaze: the fixation points are the centres of the fixation map's
     * non-zero pixels, relative to the map (which covers the frame); the density is the ground truth's, in [0, 1].
     * The ground truth is opened on first use and each frame read when asked for.
     */
    private static final class VideoGaze implements RecordedGaze {

        private final VideoEntry video;
        private VideoGroundTruth truth;

        VideoGaze(VideoEntry video) {
            this.video = video;
        }

        @Override
        public List<FixationPoint> fixations(int frame) {
            return frame(frame).map(target -> points(target.fixations())).orElse(List.of());
        }

        @Override
        public Optional<FixationMap> density(int frame) {
            return frame(frame).map(target -> densityMap(target));
        }

        private synchronized Optional<GroundTruth> frame(int index) {
            if (truth == null) {
                truth = video.groundTruth().orElseThrow(() -> new IllegalStateException(video + " has no gaze"));
            }
            return index >= 0 && index < truth.frameCount() ? Optional.of(truth.frame(index)) : Optional.empty();
        }

        private static List<FixationPoint> points(Grid fixations) {
            List<FixationPoint> points = new ArrayList<>();
            for (int y = 0; y < fixations.height(); y++) {
                for (int x = 0; x < fixations.width(); x++) {
                    if (fixations.get(y, x) != 0) {
                        points.add(new FixationPoint((x + 0.5) / fixations.width(), (y + 0.5) / fixations.height(),
                                1f));
                    }
                }
            }
            return points;
        }

        private static FixationMap densityMap(GroundTruth target) {
            Grid density = target.density();
            double[] values = density.toArray();
            float[] clamped = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                clamped[i] = (float) Math.min(1, Math.max(0, values[i]));
            }
            return FixationMap.of(density.width(), density.height(), clamped, target.timestampMicros(),
                    density.width(), density.height());
        }
    }

    /** The dataset reader's media seen through the SPI's interface; both promise the same behaviour. */
    private record EntryMedia(VideoMedia media) implements ClipMedia {

        @Override
        public Iterator<FrameWithAudio> iterator() {
            return media.iterator();
        }

        @Override
        public void close() {
            media.close();
        }
    }
}
