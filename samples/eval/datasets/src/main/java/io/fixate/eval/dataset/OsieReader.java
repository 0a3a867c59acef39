package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

import java.awt.Dimension;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the OSIE layout (Xu et al., "Predicting human gaze beyond pixels", JoV 2014):
 * <pre>
 * data/stimuli/1001.jpg ...     the images (800x600 in OSIE)
 * data/eye/fixations.mat        MATLAB 5: fixations, one record per image with img (the file name) and subjects,
 *                               one record per viewer with fix_x, fix_y (1-based pixels) and fix_duration (ms)
 * </pre>
 * A list of records may be a struct array or a cell array of structs (OSIE's file has cells).
 * Each image the MAT-file records is a still clip of one silent frame (see {@link OsieGroundTruth} for its ground
 * truth). The images are sorted by file name and split in a fixed way: the first 5/7 {@code train}, the next 1/7
 * {@code val}, the rest {@code test}, which for OSIE's 700 images is 500, 100 and 100. The MAT-file is read when the
 * dataset is opened (a few hundred thousand numbers) and each image's file is checked; pictures are read on use.
 */
final class OsieReader {

    static final String STIMULI = "data/stimuli";
    static final String FIXATIONS = "data/eye/fixations.mat";
    static final String TRAIN = "train";
    static final String VALIDATION = "val";
    static final String TEST = "test";

    /** The frame rate a still clip declares; one frame, so it only sets the (zero) timestamp's scale. */
    private static final double STILL_FRAME_RATE = 1;

    private OsieReader() {
    }

    /** Whether {@code folder} has OSIE's stimuli folder and fixation file. */
    static boolean isRoot(Path folder) {
        return Files.isDirectory(folder.resolve(STIMULI)) && Files.exists(folder.resolve(FIXATIONS));
    }

    /**
     * @throws UncheckedIOException                    if the MAT-file or an image it names is missing
     * @throws CorruptMediaException                   if the MAT-file is damaged or not laid out as OSIE's
     * @throws io.fixate.api.UnsupportedMediaException if the MAT-file is MATLAB v7.3 (HDF5)
     */
    static EvalDataset read(Path root) {
        Path matFile = root.resolve(FIXATIONS);
        Map<String, double[]> pointsByImage = readFixations(matFile);
        List<VideoEntry> images = new ArrayList<>();
        for (Map.Entry<String, double[]> recorded : pointsByImage.entrySet()) {
            Path picture = DatasetFiles.requireFile(root.resolve(STIMULI).resolve(recorded.getKey()));
            String id = stem(recorded.getKey());
            images.add(new VideoEntry(id, List.of(), new OsieImage(picture, recorded.getValue())));
        }
        int count = images.size();
        int train = Math.round(count * 5f / 7);
        int validation = Math.round(count / 7f);
        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put(TRAIN, ids(images.subList(0, train)));
        splits.put(VALIDATION, ids(images.subList(train, train + validation)));
        splits.put(TEST, ids(images.subList(train + validation, count)));
        return new EvalDataset("osie", DatasetLayout.OSIE, root, List.of(), images, splits);
    }

    private static List<String> ids(List<VideoEntry> images) {
        return images.stream().map(VideoEntry::id).toList();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Every image's fixations of all viewers pooled, as raw 1-based x0, y0, x1, y1 ..., sorted by file name. */
    private static Map<String, double[]> readFixations(Path file) {
        Mat5File mat = MatFixationMaps.open(file);
        try {
            Array records = variable(mat, file);
            Map<String, double[]> byImage = new TreeMap<>();
            for (int k = 0; k < records.getNumElements(); k++) {
                String where = file + ": fixations(" + (k + 1) + ")";
                String image = text(field(records, k, "img", where), where + ".img");
                if (byImage.put(image, points(field(records, k, "subjects", where), where + ".subjects")) != null) {
                    throw new CorruptMediaException(where + " records image " + image + " a second time");
                }
            }
            if (byImage.isEmpty()) {
                throw new CorruptMediaException(file + " records no images");
            }
            return byImage;
        } catch (RuntimeException e) {
            if (e instanceof CorruptMediaException) {
                throw e;
            }
            // MFL throws IllegalArgumentException or ClassCastException for a field of another type or shape
            throw new CorruptMediaException(file + " is not laid out as OSIE's fixations.mat: " + e.getMessage(), e);
        } finally {
            MatFixationMaps.closeQuietly(mat);
        }
    }

    private static Array variable(Mat5File mat, Path file) {
        try {
            return mat.getArray("fixations");
        } catch (IllegalArgumentException e) {
            throw new CorruptMediaException(file + " has no variable 'fixations'", e);
        }
    }

    /** Field {@code name} of record {@code k} of {@code records}, a struct array or a cell of structs. */
    private static Array field(Array records, int k, String name, String where) {
        Struct record;
        int index;
        if (records instanceof Struct array) {
            record = array;
            index = k;
        } else if (records instanceof Cell cell && cell.get(k) instanceof Struct one && one.getNumElements() == 1) {
            record = one;
            index = 0;
        } else {
            throw new CorruptMediaException(where + " is not a struct");
        }
        if (!record.getFieldNames().contains(name)) {
            throw new CorruptMediaException(where + " has no field '" + name + "'");
        }
        return record.get(name, index);
    }

    private static String text(Array value, String where) {
        if (!(value instanceof Char name) || name.getString().isBlank()) {
            throw new CorruptMediaException(where + " is not a file name");
        }
        return name.getString().strip();
    }

    private static double[] points(Array subjects, String where) {
        if (!(subjects instanceof Struct) && !(subjects instanceof Cell)) {
            throw new CorruptMediaException(where + " is neither a struct nor a cell array");
        }
        List<Double> flat = new ArrayList<>();
        for (int s = 0; s < subjects.getNumElements(); s++) {
            String subject = where + "{" + (s + 1) + "}";
            Matrix xs = coordinates(field(subjects, s, "fix_x", subject), subject + ".fix_x");
            Matrix ys = coordinates(field(subjects, s, "fix_y", subject), subject + ".fix_y");
            if (xs.getNumElements() != ys.getNumElements()) {
                throw new CorruptMediaException(subject + " has " + xs.getNumElements() + " fix_x but "
                        + ys.getNumElements() + " fix_y");
            }
            for (int i = 0; i < xs.getNumElements(); i++) {
                double x = xs.getDouble(i);
                double y = ys.getDouble(i);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new CorruptMediaException(subject + " fixation " + (i + 1) + " is at (" + x + ", " + y
                            + ")");
                }
                flat.add(x);
                flat.add(y);
            }
        }
        return flat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Matrix coordinates(Array value, String where) {
        if (!(value instanceof Matrix values)) {
            throw new CorruptMediaException(where + " is not numeric");
        }
        return values;
    }

    /** One image as a one-frame still clip. */
    private record OsieImage(Path location, double[] points) implements VideoSource {

        @Override
        public VideoFormat readFormat() {
            Dimension size = ImageFiles.size(location);
            return new VideoFormat(1, STILL_FRAME_RATE, size.width, size.height);
        }

        @Override
        public VideoMedia openMedia(AudioRequirement audio) {
            return new FrameFolderMedia(index -> location, index -> 0L, 1, Optional.empty(), audio);
        }

        @Override
        public Optional<VideoGroundTruth> openGroundTruth() {
            return Optional.of(new OsieGroundTruth(location, points));
        }

        @Override
        public String groundTruthFingerprint() {
            return ContentFingerprint.ofValues(points);
        }
    }
}
