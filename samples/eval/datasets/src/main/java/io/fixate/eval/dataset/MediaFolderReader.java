package io.fixate.eval.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a plain folder of video files, such as clips a user brings: every file of a video container extension
 * directly in the folder is an untagged video without ground truth, its id its file name, all of them in the
 * {@code train} split (sorted by name), so that a teacher predictor can make their targets.
 */
final class MediaFolderReader {

    /** The file extensions taken for videos, lower case. */
    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg",
            "ts", "flv", "ogv", "wmv", "3gp", "y4m");

    private MediaFolderReader() {
    }

    /** The video files directly in {@code folder}, sorted by name; empty when it has none. */
    static List<Path> videos(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(MediaFolderReader::isVideo).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static EvalDataset read(Path folder) {
        List<VideoEntry> videos = videos(folder).stream()
                .map(file -> new VideoEntry(file.getFileName().toString(), List.of(), new VideoFile(file))).toList();
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new EvalDataset(name == null ? folder.toString() : name.toString(), DatasetLayout.MEDIA_FOLDER,
                folder, List.of(), videos, Map.of("train", videos.stream().map(VideoEntry::id).toList()));
    }
}
