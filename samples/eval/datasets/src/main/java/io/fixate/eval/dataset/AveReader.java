package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the AVE layout: {@code Annotations.txt} and the optional split files (see {@link AveIndex}), with each
 * video at {@code AVE/<VideoID>.mp4} (AVE's own layout), {@code videos/<VideoID>.mp4} (the benchmark's, which is
 * AVE-like) or {@code <VideoID>.mp4} beside the index, looked for in that order when the dataset is opened.
 */
final class AveReader {

    /** The folders, relative to the root, where a video file is looked for, in order. */
    static final List<String> VIDEO_FOLDERS = List.of("AVE", "videos", "");

    /** Byte order of the UTF-8 names: the order a sort of the class folder names gives. */
    private static final Comparator<String> UTF8_ORDER =
            Comparator.comparing((String s) -> s.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private AveReader() {
    }

    /**
     * @throws CorruptMediaException if an index file is damaged
     * @throws UncheckedIOException  if {@code Annotations.txt} or a video file is missing
     */
    static EvalDataset read(Path root) {
        AveIndex index = AveIndex.read(root);
        List<VideoEntry> videos = new ArrayList<>();
        for (Map.Entry<String, List<AveEvent>> annotated : index.eventsByVideo().entrySet()) {
            Path file = locate(root, annotated.getKey());
            videos.add(new VideoEntry(annotated.getKey(), annotated.getValue(), new VideoFile(file)));
        }
        List<String> labels = index.eventsByVideo().values().stream().flatMap(List::stream).map(AveEvent::category)
                .distinct().sorted(UTF8_ORDER).toList();
        return new EvalDataset(folderName(root), DatasetLayout.AVE, root, labels, videos, index.videosBySplit());
    }

    private static Path locate(Path root, String videoId) {
        List<Path> candidates = VIDEO_FOLDERS.stream().map(folder -> root.resolve(folder).resolve(videoId + ".mp4"))
                .toList();
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> {
            String tried = candidates.stream().map(Path::toString).collect(Collectors.joining(", "));
            return new UncheckedIOException("video " + videoId + " of " + root.resolve(AveIndex.ANNOTATIONS)
                    + " not found; looked for " + tried, new NoSuchFileException(candidates.get(0).toString()));
        });
    }

    private static String folderName(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return name == null ? root.toString() : name.toString();
    }
}
