package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One video of an {@link EvalDataset}: its id and tags, and access to its frames and ground truth, which are read
 * from disk only when asked for. Its format and scenarios are read once, on first use, and kept. Thread-safe; the
 * {@link VideoMedia} and {@link VideoGroundTruth} it opens are not.
 */
public final class VideoEntry {

    private final String id;
    private final Set<String> tags;
    private final List<AveEvent> events;
    private final VideoSource source;
    private final Lazy<VideoFormat> format;
    private final Lazy<Set<String>> scenarios;
    private final Lazy<SortedSet<Integer>> contextFrames;

    VideoEntry(String id, List<AveEvent> events, VideoSource source) {
        this.id = Objects.requireNonNull(id, "id");
        this.events = List.copyOf(events);
        this.source = Objects.requireNonNull(source, "source");
        Set<String> categories = new LinkedHashSet<>();
        events.forEach(event -> categories.add(event.category()));
        this.tags = Collections.unmodifiableSet(categories);
        this.format = new Lazy<>(source::readFormat);
        this.scenarios = new Lazy<>(() -> Collections.unmodifiableSet(new LinkedHashSet<>(source.readScenarios())));
        this.contextFrames = new Lazy<>(() -> Collections.unmodifiableSortedSet(
                new TreeSet<>(source.readContextFrames())));
    }

    /**
     * The video's id: the AVE/benchmark VideoID, the STAViS or DHF1K video folder name, the OSIE image's file name
     * without extension, or a media folder's file name.
     */
    public String id() {
        return id;
    }

    /** The categories of the video's events, in annotation order; empty for the untagged layouts. */
    public Set<String> tags() {
        return tags;
    }

    /** The annotated event segments (AVE format), in annotation order; empty for the untagged layouts. */
    public List<AveEvent> events() {
        return events;
    }

    /**
     * What the clip tests ({@code clip.json} of the benchmark, e.g. {@code "silent-twin"}), for per-scenario reports;
     * empty for other layouts.
     *
     * @throws io.fixate.api.CorruptMediaException if {@code clip.json} is damaged
     * @throws java.io.UncheckedIOException       if it is missing
     */
    public Set<String> scenarios() {
        return scenarios.get();
    }

    /**
     * The frames (0-based) where only the clip's short-, long- or cross-clip context tells where people look
     * ({@code contextFrames} of the granularity benchmark's {@code clip.json}), for scores restricted to them; empty
     * where the dataset does not record them.
     *
     * @throws io.fixate.api.CorruptMediaException if {@code clip.json} is damaged or lists a negative or repeated
     *                                             frame
     * @throws java.io.UncheckedIOException       if it is missing
     */
    public SortedSet<Integer> contextFrames() {
        return contextFrames.get();
    }

    /** The video file, the folder of its frames (STAViS, DHF1K), or the image (OSIE). */
    public Path location() {
        return source.location();
    }

    /**
     * Frame count, frame rate and size: from the dataset's metadata where it has them, otherwise from the first
     * frame (STAViS) or the container's header (AVE).
     *
     * @throws io.fixate.api.CorruptMediaException if the file that tells is damaged
     * @throws java.io.UncheckedIOException       if it is missing
     */
    public VideoFormat format() {
        return format.get();
    }

    /**
     * The video's frames, each with its audio window as {@code audio} describes (silent, with
     * {@link io.fixate.api.FrameWithAudio#audioPresent()} false, where the video has no sound), timestamped
     * {@link VideoFormat#timestampMicros(int)} for frame folders and as decoded for video files. Nothing is read
     * until the first iteration.
     */
    public VideoMedia media(AudioRequirement audio) {
        return source.openMedia(Objects.requireNonNull(audio, "audio"));
    }

    /**
     * The per-frame ground truth, or empty for a dataset without it (AVE has only tags).
     *
     * @throws io.fixate.api.CorruptMediaException if the index of the video's ground truth is damaged
     * @throws java.io.UncheckedIOException       if the video's ground-truth folder or index is missing
     */
    public Optional<VideoGroundTruth> groundTruth() {
        return source.openGroundTruth();
    }

    /**
     * What identifies the ground truth a training clip learns from (a SHA-256 of its files or points), for the clip's
     * fingerprint; read on each call.
     *
     * @throws UnsupportedOperationException       if the dataset's layout has no ground truth a trainer may learn from
     *                                             ({@link DatasetClips.GroundTruthUse})
     * @throws io.fixate.api.UnreadableInputException if a ground-truth file cannot be read
     */
    public String groundTruthFingerprint() {
        return source.groundTruthFingerprint();
    }

    @Override
    public String toString() {
        return "VideoEntry[" + id + " at " + source.location() + "]";
    }
}
