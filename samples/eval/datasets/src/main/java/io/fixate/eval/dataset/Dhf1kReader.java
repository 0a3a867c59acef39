package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.eval.metrics.Grid;

import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the DHF1K layout (Wang et al., "Revisiting video saliency", CVPR 2018), as it ships:
 * <pre>
 * annotation/0001/maps/0001.png ...       density maps, grey, one per frame
 * annotation/0001/fixation/0001.png ...   binary fixation maps, one per frame
 * video/0001/0001.png ...                 the frames as pictures (png or jpg), or
 * video/0001.AVI                          the video file (any container FFmpeg reads)
 * </pre>
 * The videos are the folders of {@code annotation/} with a {@code maps/} folder, sorted by name; a video's frames
 * are those its maps number, in name order. DHF1K's split by number: videos 1 to 600 {@code train}, 601 to 700
 * {@code val}, the rest {@code test} (whose annotations DHF1K withholds). Frame folders play at DHF1K's
 * {@value #FRAME_RATE} fps and have no sound; video files at the rate they declare.
 */
final class Dhf1kReader {

    static final String ANNOTATIONS = "annotation";
    static final String VIDEOS = "video";
    /** DHF1K's frame rate, for frame folders, which do not say. */
    static final double FRAME_RATE = 30;
    private static final int LAST_TRAIN = 600;
    private static final int LAST_VALIDATION = 700;

    private Dhf1kReader() {
    }

    /** Whether {@code folder} has DHF1K's two folders. */
    static boolean isRoot(Path folder) {
        return Files.isDirectory(folder.resolve(ANNOTATIONS)) && Files.isDirectory(folder.resolve(VIDEOS));
    }

    /**
     * @throws UncheckedIOException  if a video's frames (folder or file) are missing, or its fixation maps
     * @throws CorruptMediaException if a video folder's name is not a number, or its maps and fixation maps differ
     *                               in number
     */
    static EvalDataset read(Path root) {
        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put("train", new ArrayList<>());
        splits.put("val", new ArrayList<>());
        splits.put("test", new ArrayList<>());
        List<VideoEntry> videos = new ArrayList<>();
        for (Path annotation : list(root.resolve(ANNOTATIONS), Files::isDirectory)) {
            if (!Files.isDirectory(annotation.resolve("maps"))) {
                continue;
            }
            String id = annotation.getFileName().toString();
            List<Path> maps = list(annotation.resolve("maps"), Files::isRegularFile);
            List<Path> fixations = list(DatasetFiles.requireDirectory(annotation.resolve("fixation")),
                    Files::isRegularFile);
            if (maps.size() != fixations.size() || maps.isEmpty()) {
                throw new CorruptMediaException(annotation + " has " + maps.size() + " maps but "
                        + fixations.size() + " fixation maps; each frame needs one of each");
            }
            videos.add(new VideoEntry(id, List.of(), new Dhf1kVideo(frames(root, id, maps.size()), annotation, maps,
                    fixations)));
            splits.get(split(id, annotation)).add(id);
        }
        Path name = root.toAbsolutePath().normalize().getFileName();
        return new EvalDataset(name == null ? root.toString() : name.toString(), DatasetLayout.DHF1K, root, List.of(),
                videos, splits);
    }

    private static String split(String id, Path annotation) {
        int number;
        try {
            number = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new CorruptMediaException(annotation + ": DHF1K numbers its videos, got '" + id + "'", e);
        }
        return number <= LAST_TRAIN ? "train" : number <= LAST_VALIDATION ? "val" : "test";
    }

    /** The video's frame folder {@code video/<id>/}, or else a file {@code video/<id>.<ext>}. */
    private static Frames frames(Path root, String id, int frameCount) {
        Path folder = root.resolve(VIDEOS).resolve(id);
        if (Files.isDirectory(folder)) {
            List<Path> pictures = list(folder, Files::isRegularFile);
            if (pictures.size() < frameCount) {
                throw new CorruptMediaException(folder + " has " + pictures.size() + " frames but its annotation "
                        + frameCount);
            }
            return new Frames(folder, pictures.subList(0, frameCount));
        }
        return list(root.resolve(VIDEOS), file -> Files.isRegularFile(file)
                && file.getFileName().toString().startsWith(id + ".")).stream().findFirst()
                .map(file -> new Frames(file, List.of()))
                .orElseThrow(() -> new UncheckedIOException(root.resolve(VIDEOS) + " has neither a folder " + id
                        + "/ of frames nor a video file " + id + ".*",
                        new NoSuchFileException(folder.toString())));
    }

    private static List<Path> list(Path folder, Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Where a video's frames are: a folder and its pictures, or a file (and no pictures). */
    private record Frames(Path location, List<Path> pictures) {
    }

    private record Dhf1kVideo(Frames frames, Path annotation, List<Path> maps, List<Path> fixations)
            implements VideoSource {

        @Override
        public Path location() {
            return frames.location();
        }

        @Override
        public VideoFormat readFormat() {
            if (frames.pictures().isEmpty()) {
                VideoFormat file = new VideoFile(frames.location()).readFormat();
                return new VideoFormat(maps.size(), file.frameRate(), file.width(), file.height());
            }
            Dimension size = ImageFiles.size(frames.pictures().get(0));
            return new VideoFormat(maps.size(), FRAME_RATE, size.width, size.height);
        }

        @Override
        public VideoMedia openMedia(AudioRequirement audio) {
            if (frames.pictures().isEmpty()) {
                return new VideoFile(frames.location()).openMedia(audio);
            }
            return new FrameFolderMedia(frames.pictures()::get, index -> VideoFormat.timestampMicros(index,
                    FRAME_RATE), frames.pictures().size(), Optional.empty(), audio);
        }

        @Override
        public Optional<VideoGroundTruth> openGroundTruth() {
            return Optional.of(new VideoGroundTruth() {
                @Override
                public int frameCount() {
                    return maps.size();
                }

                @Override
                public GroundTruth frame(int index) {
                    Objects.checkIndex(index, maps.size());
                    Grid density = ImageFiles.greyGrid(maps.get(index));
                    Grid fixationMap = ImageFiles.greyGrid(fixations.get(index));
                    if (!density.sameShape(fixationMap)) {
                        throw new CorruptMediaException(fixations.get(index) + " is " + fixationMap.width() + "x"
                                + fixationMap.height() + " but " + maps.get(index) + " is " + density.width() + "x"
                                + density.height());
                    }
                    double[] binary = fixationMap.toArray();
                    for (int p = 0; p < binary.length; p++) {
                        binary[p] = binary[p] != 0 ? 1 : 0;
                    }
                    return new GroundTruth(index, VideoFormat.timestampMicros(index, FRAME_RATE), density,
                            Grid.of(density.height(), density.width(), binary));
                }
            });
        }

        @Override
        public String groundTruthFingerprint() {
            return ContentFingerprint.of(annotation);
        }
    }
}
