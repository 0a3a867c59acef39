package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A dataset on disk as {@link TrainingData}: its label set, the videos of its {@code train} split to train on and
 * those of its {@code val} split (if it has one) to validate with, optionally joined by every video of further tagged
 * datasets as more clips to train on. Each clip's fingerprint is the
 * {@link ContentFingerprint} of its video file or frame folder, computed on first use and kept, so a trainer that
 * never asks for it costs no read.
 */
public final class DatasetClips {

    private static final String TRAIN = "train";
    private static final String VALIDATION = "val";

    private DatasetClips() {
    }

    /**
     * The training data of {@code dataset}, named after it.
     *
     * @throws InvalidOptionsException when the dataset has no label set (an untagged eye-tracking set such as
     *                                 STAViS) or no {@code train} split, or its tags break {@link TrainingData}'s rules
     */
    public static TrainingData trainingData(EvalDataset dataset) {
        return trainingData(dataset, List.of());
    }

    /**
     * The training data of {@code dataset} with every video of each {@code extra} dataset, whatever its split, added
     * to the clips to train on (validation stays {@code dataset}'s). An extra clip's id is its dataset folder's name,
     * a slash and its own id, so that two benchmarks generated with different seeds can be used together.
     *
     * @throws InvalidOptionsException when a dataset has no label set, {@code dataset} has no {@code train} split, an
     *                                 extra dataset is {@code dataset} itself, or the clips break the rules of
     *                                 {@link TrainingData} (an extra clip with a tag outside {@code dataset}'s label
     *                                 set, two extra datasets in folders of the same name)
     */
    public static TrainingData trainingData(EvalDataset dataset, List<EvalDataset> extra) {
        requireTags(dataset);
        if (!dataset.splitNames().contains(TRAIN)) {
            throw new InvalidOptionsException("dataset " + dataset.name() + " at " + dataset.root() + " has no '"
                    + TRAIN + "' split to train on; its splits: "
                    + (dataset.splitNames().isEmpty() ? "none" : String.join(", ", dataset.splitNames())));
        }
        List<TrainingClip> training = new ArrayList<>(clips(dataset.split(TRAIN), ""));
        StringBuilder name = new StringBuilder(dataset.name());
        Path ownRoot = dataset.root().toAbsolutePath().normalize();
        for (EvalDataset more : extra) {
            requireTags(more);
            Path root = more.root().toAbsolutePath().normalize();
            if (root.equals(ownRoot)) {
                // its val clips would be trained on, and its train clips twice
                throw new InvalidOptionsException("extra dataset " + root + " is the dataset itself");
            }
            String folder = root.getFileName().toString();
            training.addAll(clips(more.videos(), folder + "/"));
            name.append(" + ").append(folder);
        }
        List<TrainingClip> validation = dataset.splitNames().contains(VALIDATION)
                ? clips(dataset.split(VALIDATION), "") : List.of();
        return new TrainingData(name.toString(), dataset.labels(), training, validation);
    }

    private static void requireTags(EvalDataset dataset) {
        if (dataset.labels().isEmpty()) {
            throw new InvalidOptionsException("dataset " + dataset.name() + " at " + dataset.root()
                    + " has no category tags, so a labeler cannot be trained on it; use a tagged dataset (the Fixate "
                    + "benchmark or AVE)");
        }
    }

    private static List<TrainingClip> clips(List<VideoEntry> videos, String idPrefix) {
        return videos.stream().<TrainingClip>map(video -> new VideoClip(video, idPrefix + video.id())).toList();
    }

    /** One video of the dataset; thread-safe like the {@link VideoEntry} it reads. */
    private static final class VideoClip implements TrainingClip {

        private final VideoEntry video;
        private final String id;
        private String fingerprint;

        VideoClip(VideoEntry video, String id) {
            this.video = video;
            this.id = id;
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
                fingerprint = ContentFingerprint.of(video.location());
            }
            return fingerprint;
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
