package io.fixate.cli;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoMedia;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TaggedClip;
import io.fixate.spi.TrainingData;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A dataset on disk as {@link TrainingData}: its label set, the videos of its {@code train} split to train on and
 * those of its {@code val} split (if it has one) to validate with. Each clip's fingerprint is the
 * {@link ContentFingerprint} of its video file or frame folder, computed on first use and kept, so a trainer that
 * never asks for it costs no read.
 */
public final class DatasetClips {

    static final String TRAIN = "train";
    static final String VALIDATION = "val";

    private DatasetClips() {
    }

    /**
     * The training data of {@code dataset}, named after it.
     *
     * @throws InvalidOptionsException when the dataset has no label set (an untagged eye-tracking set such as
     *                                 STAViS) or no {@code train} split, or its tags break {@link TrainingData}'s rules
     */
    public static TrainingData trainingData(EvalDataset dataset) {
        if (dataset.labels().isEmpty()) {
            throw new InvalidOptionsException("dataset " + dataset.name() + " at " + dataset.root()
                    + " has no category tags, so a labeler cannot be trained on it; use a tagged dataset (the Fixate "
                    + "benchmark or AVE)");
        }
        if (!dataset.splitNames().contains(TRAIN)) {
            throw new InvalidOptionsException("dataset " + dataset.name() + " at " + dataset.root() + " has no '"
                    + TRAIN + "' split to train on; its splits: "
                    + (dataset.splitNames().isEmpty() ? "none" : String.join(", ", dataset.splitNames())));
        }
        List<TaggedClip> validation = dataset.splitNames().contains(VALIDATION)
                ? clips(dataset.split(VALIDATION)) : List.of();
        return new TrainingData(dataset.name(), dataset.labels(), clips(dataset.split(TRAIN)), validation);
    }

    private static List<TaggedClip> clips(List<VideoEntry> videos) {
        return videos.stream().<TaggedClip>map(VideoClip::new).toList();
    }

    /** One video of the dataset; thread-safe like the {@link VideoEntry} it reads. */
    private static final class VideoClip implements TaggedClip {

        private final VideoEntry video;
        private String fingerprint;

        VideoClip(VideoEntry video) {
            this.video = video;
        }

        @Override
        public String id() {
            return video.id();
        }

        @Override
        public Set<String> tags() {
            return video.tags();
        }

        @Override
        public synchronized String fingerprint() {
            if (fingerprint == null) {
                // thrown from inside the trainer, yet a missing video is bad input, not a failed output
                fingerprint = InputFileException.opening(() -> ContentFingerprint.of(video.location()));
            }
            return fingerprint;
        }

        @Override
        public ClipMedia open(AudioRequirement audio) {
            return new EntryMedia(video.media(audio));
        }

        @Override
        public String toString() {
            return "clip " + video.id() + " at " + video.location();
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
