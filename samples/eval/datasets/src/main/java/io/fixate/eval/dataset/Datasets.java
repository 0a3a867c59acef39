package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.InvalidOptionsException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Opens evaluation and training datasets from disk. {@link #open} recognises the layout; the other methods read one
 * layout and refuse any other. Opening reads the dataset's index (and checks each video's file or frame folder is
 * there); frames and ground truth are read only when a video's are asked for.
 *
 * <p>Errors: {@link InvalidOptionsException} when the folder is not a dataset of the kind asked for (or of any kind,
 * for {@link #open}), {@link CorruptMediaException} when an index file is damaged, {@link UncheckedIOException}
 * (wrapping {@link java.nio.file.NoSuchFileException}) when a file the index names is missing; each message names
 * the file.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Opens the dataset at {@code path}, recognising its layout: a folder with {@code dataset.json} is the Fixate
     * benchmark, one with {@code Annotations.txt} is AVE, one with {@code data/stimuli/} and
     * {@code data/eye/fixations.mat} is OSIE (see {@link #openOsie}), one with {@code annotation/} and
     * {@code video/} is DHF1K (density maps {@code annotation/NNNN/maps/}, fixation maps
     * {@code annotation/NNNN/fixation/}, frames in {@code video/NNNN/} or a file {@code video/NNNN.*}; videos 1-600
     * train, 601-700 val, the rest test), a STAViS data root ({@code fold_lists/} and
     * {@code video_frames/}) is opened as its only database. A STAViS database folder ({@code video_frames/DIEM},
     * {@code annotations/DIEM} or {@code video_audio/DIEM} of a data root) opens that database. Any other
     * folder with video files in it ({@code .mp4}, {@code .mkv}, {@code .webm}, {@code .avi} ...) is a media folder:
     * untagged videos without ground truth, all in the {@code train} split, for a teacher to label.
     *
     * @throws InvalidOptionsException if {@code path} is none of these, or a STAViS root with several databases
     */
    public static EvalDataset open(Path path) {
        requireFolder(path);
        if (Files.exists(path.resolve(BenchmarkReader.MANIFEST))) {
            return BenchmarkReader.read(path);
        }
        if (Files.exists(path.resolve(AveIndex.ANNOTATIONS))) {
            return AveReader.read(path);
        }
        if (OsieReader.isRoot(path)) {
            return OsieReader.read(path);
        }
        if (Dhf1kReader.isRoot(path)) {
            return Dhf1kReader.read(path);
        }
        if (StavisReader.isRoot(path)) {
            List<String> databases = StavisReader.databases(path);
            if (databases.size() != 1) {
                throw new InvalidOptionsException(path + " is a STAViS data root with " + (databases.isEmpty()
                        ? "no databases" : "the databases " + String.join(", ", databases)
                        + "; open one with Datasets.openStavis(root, database)"));
            }
            return StavisReader.read(path, databases.get(0));
        }
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.getParent() != null && parent.getFileName() != null
                && StavisReader.DATABASE_PARENTS.contains(parent.getFileName().toString())
                && StavisReader.isRoot(parent.getParent())) {
            return StavisReader.read(parent.getParent(), path.toAbsolutePath().normalize().getFileName().toString());
        }
        if (!MediaFolderReader.videos(path).isEmpty()) {
            return MediaFolderReader.read(path);
        }
        throw new InvalidOptionsException(path + " is not a dataset Fixate reads: it has no "
                + BenchmarkReader.MANIFEST + " (Fixate benchmark), no " + AveIndex.ANNOTATIONS + " (AVE), no "
                + OsieReader.FIXATIONS + " (OSIE), no " + Dhf1kReader.ANNOTATIONS + "/ and " + Dhf1kReader.VIDEOS
                + "/ (DHF1K), no video files, and is not"
                + " a STAViS data root (" + StavisReader.LISTS + "/ and " + StavisReader.FRAMES + "/) or database"
                + " folder");
    }

    /**
     * Opens a Fixate benchmark ({@code dataset.json} of format {@code fixate-benchmark/1}).
     *
     * @throws InvalidOptionsException if {@code root} has no {@code dataset.json} or it declares another format
     */
    public static EvalDataset openBenchmark(Path root) {
        requireIndex(root, BenchmarkReader.MANIFEST, "a Fixate benchmark");
        return BenchmarkReader.read(root);
    }

    /**
     * Opens an AVE dataset ({@code Annotations.txt} with optional split files; videos under {@code AVE/}, or beside
     * the index).
     *
     * @throws InvalidOptionsException if {@code root} has no {@code Annotations.txt}
     */
    public static EvalDataset openAve(Path root) {
        requireIndex(root, AveIndex.ANNOTATIONS, "an AVE dataset");
        return AveReader.read(root);
    }

    /**
     * Opens OSIE: {@code data/stimuli/*.jpg} and {@code data/eye/fixations.mat}, each recorded image a silent still
     * clip of one frame, split by file name: the first 5/7 {@code train}, the next 1/7 {@code val}, the rest
     * {@code test} (500, 100 and 100 of OSIE's 700). Its ground truth is described at {@link DatasetLayout#OSIE}.
     *
     * @throws InvalidOptionsException if {@code root} has no {@code data/eye/fixations.mat}
     */
    public static EvalDataset openOsie(Path root) {
        requireIndex(root, OsieReader.FIXATIONS, "an OSIE dataset");
        return OsieReader.read(root);
    }

    /**
     * Opens one database of a STAViS data root: {@code AVAD}, {@code DIEM}, {@code Coutrot_db1},
     * {@code Coutrot_db2}, {@code ETMD_av} or {@code SumMe} in the STAViS distribution, or any other laid out alike.
     *
     * @throws InvalidOptionsException if {@code root} is not a STAViS data root or lacks {@code database}
     */
    public static EvalDataset openStavis(Path root, String database) {
        Objects.requireNonNull(database, "database");
        requireStavisRoot(root);
        return StavisReader.read(root, database);
    }

    /**
     * The databases of a STAViS data root: the folders of {@code video_frames/} that have a fold list, sorted.
     *
     * @throws InvalidOptionsException if {@code root} is not a STAViS data root
     */
    public static List<String> stavisDatabases(Path root) {
        requireStavisRoot(root);
        return StavisReader.databases(root);
    }

    private static void requireStavisRoot(Path root) {
        requireFolder(root);
        if (!StavisReader.isRoot(root)) {
            throw new InvalidOptionsException(root + " is not a STAViS data root: it needs " + StavisReader.LISTS
                    + "/ and " + StavisReader.FRAMES + "/");
        }
    }

    private static void requireIndex(Path root, String indexFile, String kind) {
        requireFolder(root);
        if (!Files.exists(root.resolve(indexFile))) {
            throw new InvalidOptionsException(root + " is not " + kind + ": it has no " + indexFile);
        }
    }

    private static void requireFolder(Path path) {
        Objects.requireNonNull(path, "path");
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new InvalidOptionsException(path + " is a file; a dataset is a folder");
        }
        DatasetFiles.requireDirectory(path);
    }
}
