package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.UnknownTagException;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.ProgressBar;
import io.fixate.cli.option.ModelSettings;
import io.fixate.codec.output.BitDepth;
import io.fixate.codec.output.StagedMapFolder;
import io.fixate.eval.dataset.Datasets;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoMedia;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code fixate label}: pseudo-fixation maps for the tagged videos of a dataset, from a trained labeler. */
@Command(name = "label", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Write pseudo-fixation maps for the videos of a dataset split with a trained labeler, knowing each video's "
                + "category tags: OUT/<video id>/map_000000.png, ... (16-bit grey PNG, 0-based frame index, the "
                + "layout 'fixate eval --predictions' reads).",
        "Each video's folder appears complete or not at all; videos whose folder exists are skipped unless "
                + "--overwrite, so an interrupted run continues where it stopped."})
public final class LabelCommand implements Callable<Integer> {

    /** The --split value that selects every video of the dataset. */
    static final String ALL_VIDEOS = "all";

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH", required = true,
            description = "Dataset root; its videos need category tags the labeler knows.")
    Path dataset;

    @Option(names = "--labeler", paramLabel = "NAME", required = true,
            description = "Labeler to use, e.g. scam or cam (see 'fixate providers').")
    String labeler;

    @Option(names = "--weights", paramLabel = "PATH", required = true,
            description = "Trained weights, as 'fixate train-labeler' printed them.")
    Path weights;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the maps, one sub-folder per video (created if missing).")
    Path out;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test",
            description = "Split whose videos to label, or '" + ALL_VIDEOS + "' for every video. "
                    + "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--videos", paramLabel = "ID", split = ",",
            description = "Label only these videos of the split.")
    List<String> videoIds = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace the folders of videos labelled before.")
    boolean overwrite;

    @Mixin
    ModelSettings labelerSettings;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long startNanos = System.nanoTime();
        EvalDataset data = UnreadableInputException.whileReading(() -> Datasets.open(dataset));
        List<VideoEntry> videos = selectedVideos(data);
        ModelOptions.Builder options = ModelOptions.builder().device(labelerSettings.device()).weights(weights);
        labelerSettings.settings().forEach(options::property);
        try (PseudoLabeler pseudoLabeler = Fixate.labeler(labeler, options.build())) {
            videos.forEach(video -> requireKnownTags(pseudoLabeler, video, data));
            Files.createDirectories(out);
            List<VideoEntry> pending = new ArrayList<>();
            for (VideoEntry video : videos) {
                if (Files.exists(out.resolve(video.id())) && !overwrite) {
                    err.println("fixate: skipping " + video.id() + ": " + out.resolve(video.id())
                            + " exists (--overwrite replaces it)");
                } else {
                    pending.add(video);
                }
            }
            err.flush();
            long frames = label(pseudoLabeler, pending, err);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            stdout.printf(Locale.ROOT, "labelled %d videos (%d skipped), %d frames in %.1f s (%.1f frames/s) with "
                            + "%s; wrote %s%n", pending.size(), videos.size() - pending.size(), frames, seconds,
                    frames / seconds, pseudoLabeler.info().name(), out);
            stdout.flush();
        }
        return ExitCode.OK;
    }

    /** Labels each video into its own folder; returns the frames labelled. */
    private long label(PseudoLabeler pseudoLabeler, List<VideoEntry> videos, PrintWriter err) throws IOException {
        long totalFrames = 0;
        for (VideoEntry video : videos) {
            totalFrames += video.format().frameCount();
        }
        ProgressBar progress = new ProgressBar(err, "label", "frames", totalFrames, System.console() != null);
        long frames = 0;
        for (int i = 0; i < videos.size(); i++) {
            VideoEntry video = videos.get(i);
            String detail = "video " + (i + 1) + "/" + videos.size() + " " + video.id();
            long framesBefore = frames;
            try (VideoMedia media = video.media(pseudoLabeler.info().capabilities().audio());
                 StagedMapFolder folder = StagedMapFolder.open(out.resolve(video.id()), BitDepth.SIXTEEN)) {
                pseudoLabeler.label(media, video.tags(), map -> {
                    try {
                        folder.write(map);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (labelerSettings.showProgress()) {
                        progress.update(framesBefore + folder.written(), detail);
                    }
                });
                folder.commit();
                frames += folder.written();
            }
        }
        if (labelerSettings.showProgress()) {
            progress.finish();
        }
        return frames;
    }

    /** The videos of the chosen split, narrowed to --videos when given, in the split's order. */
    private List<VideoEntry> selectedVideos(EvalDataset data) {
        List<VideoEntry> inSplit = split.equals(ALL_VIDEOS) ? data.videos() : data.split(split);
        if (videoIds.isEmpty()) {
            return inSplit;
        }
        Set<String> wanted = new LinkedHashSet<>(videoIds);
        inSplit.forEach(video -> wanted.remove(video.id()));
        if (!wanted.isEmpty()) {
            throw new InvalidOptionsException("--videos names " + String.join(", ", wanted) + ", not among the "
                    + (split.equals(ALL_VIDEOS) ? "videos" : "'" + split + "' videos") + " of dataset "
                    + data.name() + " at " + data.root());
        }
        return inSplit.stream().filter(video -> videoIds.contains(video.id())).toList();
    }

    /** Checks every video before the first is labelled, so a wrong tag does not stop a long run halfway. */
    private static void requireKnownTags(PseudoLabeler pseudoLabeler, VideoEntry video, EvalDataset data) {
        try {
            pseudoLabeler.requireKnownTags(video.tags());
        } catch (UnknownTagException e) {
            throw new InvalidOptionsException("video " + video.id() + " of dataset " + data.name() + ": "
                    + e.getMessage(), e);
        }
    }
}
