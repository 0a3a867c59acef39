package io.fixate.eval.dataset;

import io.fixate.api.InvalidOptionsException;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only dataset of videos for evaluation or training, as one of the {@link Datasets} readers found it on disk.
 * Only the index is held in memory (ids, tags, event segments, split membership); frames and ground truth are read
 * per video when asked for. Thread-safe.
 */
public final class EvalDataset {

    private final String name;
    private final DatasetLayout layout;
    private final Path root;
    private final List<String> labels;
    private final List<VideoEntry> videos;
    private final Map<String, VideoEntry> videosById;
    private final Map<String, List<VideoEntry>> splits;

    /** @param splits each split's video ids, all of which must be among {@code videos} */
    EvalDataset(String name, DatasetLayout layout, Path root, List<String> labels, List<VideoEntry> videos,
                Map<String, List<String>> splits) {
        this.name = Objects.requireNonNull(name, "name");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.root = Objects.requireNonNull(root, "root");
        this.labels = List.copyOf(labels);
        this.videos = List.copyOf(videos);
        Map<String, VideoEntry> byId = new LinkedHashMap<>();
        videos.forEach(video -> byId.put(video.id(), video));
        this.videosById = Collections.unmodifiableMap(byId);
        Map<String, List<VideoEntry>> resolved = new LinkedHashMap<>();
        splits.forEach((split, ids) -> resolved.put(split, ids.stream().map(this::video).toList()));
        this.splits = Collections.unmodifiableMap(resolved);
    }

    /**
     * The dataset's name: the benchmark's declared name, {@code osie}, the STAViS database name, or the folder's name
     * (AVE, DHF1K, a media folder).
     */
    public String name() {
        return name;
    }

    public DatasetLayout layout() {
        return layout;
    }

    /** The folder the dataset was read from (for STAViS, the root holding {@code video_frames/}). */
    public Path root() {
        return root;
    }

    /**
     * The label set, in class-index order: the benchmark's declared categories in their order; for AVE the distinct
     * categories sorted by their UTF-8 bytes (the order the reference AVE code gets by sorting the class folder
     * names); empty for the untagged layouts (OSIE, STAViS, DHF1K, media folders).
     */
    public List<String> labels() {
        return labels;
    }

    /** Every video, in the order the dataset's index lists them. */
    public List<VideoEntry> videos() {
        return videos;
    }

    /**
     * The video with this id.
     *
     * @throws InvalidOptionsException if the dataset has no such video
     */
    public VideoEntry video(String id) {
        VideoEntry video = videosById.get(id);
        if (video == null) {
            throw new InvalidOptionsException("dataset " + name + " at " + root + " has no video '" + id + "'");
        }
        return video;
    }

    /**
     * The names of the splits this dataset defines, in a stable order: {@code train}, {@code val}, {@code test} for
     * the benchmark and AVE (those whose file is present), OSIE and DHF1K (fixed splits); for STAViS one per fold
     * list, e.g. {@code train_1}, {@code test_1} ... or DIEM's {@code train} and {@code test}; {@code train} alone for
     * a media folder.
     */
    public Set<String> splitNames() {
        return splits.keySet();
    }

    /**
     * The videos of a split, in the order its list names them.
     *
     * @throws InvalidOptionsException if the dataset has no split of that name; the message lists those it has
     */
    public List<VideoEntry> split(String splitName) {
        List<VideoEntry> members = splits.get(splitName);
        if (members == null) {
            throw new InvalidOptionsException("dataset " + name + " at " + root + " has no split '" + splitName
                    + "'; " + (splits.isEmpty() ? "it defines no splits" : "available: "
                    + String.join(", ", splits.keySet())));
        }
        return members;
    }

    @Override
    public String toString() {
        return "EvalDataset[" + name + ", " + layout + ", " + videos.size() + " videos at " + root + "]";
    }
}
