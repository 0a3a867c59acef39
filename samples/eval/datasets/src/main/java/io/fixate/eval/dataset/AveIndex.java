package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The index files of the AVE layout, shared by the AVE and benchmark readers: {@code Annotations.txt} and the
 * optional {@code trainSet.txt}, {@code valSet.txt}, {@code testSet.txt}, all lines of
 * {@code Category&VideoID&Quality&StartTime&EndTime}.
 *
 * <p>The header line is skipped wherever it appears first (AVE's own files have it; some copies of the split files
 * do not). A video may have several lines, one per annotated event. Categories may contain spaces, commas and
 * parentheses ("Male speech, man speaking"); should one contain {@code &}, the last four fields still parse, as
 * everything before them is the category.
 */
final class AveIndex {

    static final String ANNOTATIONS = "Annotations.txt";
    private static final String HEADER = "Category&VideoID&Quality&StartTime&EndTime";
    /** Split name to file, in the order splits are listed. */
    private static final Map<String, String> SPLIT_FILES = splitFiles();

    private static final int TRAILING_FIELDS = 4;

    private final Map<String, List<AveEvent>> eventsByVideo;
    private final Map<String, List<String>> videosBySplit;

    private AveIndex(Map<String, List<AveEvent>> eventsByVideo, Map<String, List<String>> videosBySplit) {
        this.eventsByVideo = eventsByVideo;
        this.videosBySplit = videosBySplit;
    }

    private static Map<String, String> splitFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("train", "trainSet.txt");
        files.put("val", "valSet.txt");
        files.put("test", "testSet.txt");
        return Collections.unmodifiableMap(files);
    }

    /**
     * Reads the index files of {@code root}.
     *
     * @throws java.io.UncheckedIOException if {@code Annotations.txt} is missing or a file is unreadable
     * @throws CorruptMediaException        if a line is malformed, or a split names a video the annotations lack;
     *                                      the message names the file and line
     */
    static AveIndex read(Path root) {
        Map<String, List<AveEvent>> events = new LinkedHashMap<>();
        for (Line line : lines(root.resolve(ANNOTATIONS))) {
            events.computeIfAbsent(line.videoId(), id -> new ArrayList<>()).add(line.event());
        }
        Map<String, List<String>> splits = new LinkedHashMap<>();
        SPLIT_FILES.forEach((split, fileName) -> {
            Path file = root.resolve(fileName);
            if (Files.exists(file)) {
                Set<String> members = new LinkedHashSet<>();
                for (Line line : lines(file)) {
                    if (!events.containsKey(line.videoId())) {
                        throw line.problem("video " + line.videoId() + " is not in " + ANNOTATIONS);
                    }
                    members.add(line.videoId());
                }
                splits.put(split, List.copyOf(members));
            }
        });
        return new AveIndex(events, splits);
    }

    /** Each video's events, videos in order of first annotation. */
    Map<String, List<AveEvent>> eventsByVideo() {
        return Collections.unmodifiableMap(eventsByVideo);
    }

    /** The video ids of each split whose file is present, in file order without repeats. */
    Map<String, List<String>> videosBySplit() {
        return Collections.unmodifiableMap(videosBySplit);
    }

    private record Line(Path file, int number, String videoId, AveEvent event) {
        CorruptMediaException problem(String message) {
            return new CorruptMediaException(file + " line " + number + ": " + message);
        }
    }

    private static List<Line> lines(Path file) {
        List<String> text = DatasetFiles.readLines(file);
        List<Line> lines = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || first && line.equals(HEADER)) {
                continue;
            }
            first = false;
            lines.add(parse(file, i + 1, line));
        }
        return lines;
    }

    private static Line parse(Path file, int number, String line) {
        String[] fields = line.split("&", -1);
        if (fields.length < TRAILING_FIELDS + 1) {
            throw new CorruptMediaException(file + " line " + number + ": expected " + HEADER + ", got '" + line
                    + "'");
        }
        int last = fields.length - TRAILING_FIELDS;
        String category = String.join("&", Arrays.copyOfRange(fields, 0, last)).strip();
        String videoId = fields[last].strip();
        if (category.isEmpty() || videoId.isEmpty()) {
            throw new CorruptMediaException(file + " line " + number + ": empty category or VideoID in '" + line
                    + "'");
        }
        double start = seconds(file, number, "StartTime", fields[last + 2]);
        double end = seconds(file, number, "EndTime", fields[last + 3]);
        return new Line(file, number, videoId, new AveEvent(category, fields[last + 1].strip(), start, end));
    }

    private static double seconds(Path file, int number, String field, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new CorruptMediaException(file + " line " + number + ": " + field + " '" + text
                    + "' is not a time in seconds");
        }
        return value;
    }
}
