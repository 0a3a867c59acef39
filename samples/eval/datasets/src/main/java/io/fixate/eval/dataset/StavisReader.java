package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.InvalidOptionsException;

import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads one database of the STAViS data layout (as its {@code fetch_data.sh} unpacks it and its {@code opts.py},
 * {@code datasets/saliency_db.py} and {@code eval_code/eval_*.m} read it):
 * <pre>
 * video_frames/&lt;DB&gt;/&lt;video&gt;/img_00001.jpg ...          frames, numbered from 1
 * video_audio/&lt;DB&gt;/&lt;video&gt;/&lt;video&gt;.wav                 sound (optional here; STAViS skips videos without)
 * annotations/&lt;DB&gt;/&lt;video&gt;/maps/eyeMap_00001.jpg ...   density maps
 * annotations/&lt;DB&gt;/&lt;video&gt;/fixMap_00001.mat ...        binary fixation maps, variable eyeMap
 * fold_lists/&lt;DB&gt;_list_&lt;split&gt;_fps.txt                  lines "video frameCount fps"
 * </pre>
 * Split names come from the list files: {@code train_1} ... {@code test_3} for the split-wise databases, {@code train}
 * and {@code test} for DIEM. The videos are those the lists name, in list order (splits sorted by name); the first
 * list naming a video gives its frame count and rate. Each video's frame folder is checked when the database is
 * opened; everything else when it is read.
 */
final class StavisReader {

    static final String FRAMES = "video_frames";
    static final String AUDIO = "video_audio";
    static final String ANNOTATIONS = "annotations";
    static final String LISTS = "fold_lists";
    /** The folders holding one subfolder per database. */
    static final List<String> DATABASE_PARENTS = List.of(FRAMES, AUDIO, ANNOTATIONS);

    private static final String LIST_INFIX = "_list_";
    private static final String LIST_SUFFIX = "_fps.txt";

    private StavisReader() {
    }

    /** Whether {@code folder} has the two folders every STAViS data root has. */
    static boolean isRoot(Path folder) {
        return Files.isDirectory(folder.resolve(LISTS)) && Files.isDirectory(folder.resolve(FRAMES));
    }

    /** The databases of {@code root}: folders of {@code video_frames/} with at least one fold list, sorted. */
    static List<String> databases(Path root) {
        try (Stream<Path> folders = Files.list(root.resolve(FRAMES))) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .filter(database -> !lists(root, database).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve(FRAMES) + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws InvalidOptionsException      if {@code root} has no such database (the message lists those it has)
     * @throws CorruptMediaException        if a fold list is malformed, naming it and the line
     * @throws UncheckedIOException         if a listed video's frame folder is missing
     */
    static EvalDataset read(Path root, String database) {
        Map<String, Path> lists = lists(root, database);
        if (lists.isEmpty() || !Files.isDirectory(root.resolve(FRAMES).resolve(database))) {
            List<String> available = databases(root);
            throw new InvalidOptionsException(root + " has no STAViS database '" + database + "' (it needs "
                    + FRAMES + "/" + database + "/ and " + LISTS + "/" + database + LIST_INFIX + "<split>"
                    + LIST_SUFFIX + "); available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
        }
        Map<String, ListedVideo> listed = new LinkedHashMap<>();
        Map<String, List<String>> splits = new LinkedHashMap<>();
        lists.forEach((split, list) -> {
            List<String> members = new ArrayList<>();
            for (ListedVideo video : readList(list)) {
                listed.putIfAbsent(video.name(), video);
                members.add(video.name());
            }
            splits.put(split, members);
        });
        List<VideoEntry> videos = new ArrayList<>();
        for (ListedVideo video : listed.values()) {
            StavisVideo source = new StavisVideo(
                    DatasetFiles.requireDirectory(root.resolve(FRAMES).resolve(database).resolve(video.name())),
                    root.resolve(AUDIO).resolve(database).resolve(video.name()).resolve(video.name() + ".wav"),
                    root.resolve(ANNOTATIONS).resolve(database).resolve(video.name()), video);
            videos.add(new VideoEntry(video.name(), List.of(), source));
        }
        return new EvalDataset(database, DatasetLayout.STAVIS, root, List.of(), videos, splits);
    }

    /** The fold lists of {@code database} by split name, sorted. */
    private static Map<String, Path> lists(Path root, String database) {
        String prefix = database + LIST_INFIX;
        Map<String, Path> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve(LISTS))) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(LIST_SUFFIX)
                        && name.length() > prefix.length() + LIST_SUFFIX.length()) {
                    lists.put(name.substring(prefix.length(), name.length() - LIST_SUFFIX.length()), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve(LISTS) + ": " + e.getMessage(), e);
        }
        return lists;
    }

    /** A line of a fold list. */
    private record ListedVideo(String name, int frameCount, double frameRate) {
    }

    private static List<ListedVideo> readList(Path list) {
        List<String> lines = DatasetFiles.readLines(list);
        List<ListedVideo> videos = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            int frames = fields.length >= 3 ? parseFrameCount(fields[1]) : -1;
            double fps = fields.length >= 3 ? parseFrameRate(fields[2]) : Double.NaN;
            if (frames <= 0 || !(fps > 0) || Double.isInfinite(fps)) {
                throw new CorruptMediaException(list + " line " + (i + 1) + ": expected 'video frameCount fps' with"
                        + " a positive frame count and rate, got '" + line + "'");
            }
            videos.add(new ListedVideo(fields[0], frames, fps));
        }
        return videos;
    }

    private static int parseFrameCount(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double parseFrameRate(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private record StavisVideo(Path location, Path wav, Path annotations, ListedVideo listed) implements VideoSource {

        private Path picture(int index) {
            return location.resolve(String.format(Locale.ROOT, "img_%05d.jpg", index + 1));
        }

        /** Count and rate from the fold list, size from the first frame's header. */
        @Override
        public VideoFormat readFormat() {
            Dimension size = ImageFiles.size(picture(0));
            return new VideoFormat(listed.frameCount(), listed.frameRate(), size.width, size.height);
        }

        @Override
        public VideoMedia openMedia(AudioRequirement audio) {
            Optional<Path> sound = Files.isRegularFile(wav) ? Optional.of(wav) : Optional.empty();
            return new FrameFolderMedia(this::picture, index -> VideoFormat.timestampMicros(index, listed.frameRate()),
                    listed.frameCount(), sound, audio);
        }

        @Override
        public Optional<VideoGroundTruth> openGroundTruth() {
            DatasetFiles.requireDirectory(annotations);
            return Optional.of(new StavisGroundTruth(annotations, listed.frameCount(), listed.frameRate()));
        }

        @Override
        public String groundTruthFingerprint() {
            return ContentFingerprint.of(annotations);
        }
    }
}
