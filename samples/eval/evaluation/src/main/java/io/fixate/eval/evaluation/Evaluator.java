package io.fixate.eval.evaluation;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.codec.host.HostFrames;
import io.fixate.eval.dataset.EvalDataset;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.dataset.VideoMedia;
import io.fixate.eval.metrics.FrameScores;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.metrics.MetricOptions;
import io.fixate.eval.metrics.MetricSuite;
import io.fixate.eval.metrics.Scoreboard;
import io.fixate.eval.metrics.StavisPostprocess;
import io.fixate.eval.report.EvaluationReport;
import io.fixate.eval.report.ExampleFrame;
import io.fixate.eval.report.ModelScores;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores prediction sources on the videos of one dataset split with every metric, frame by frame, and gathers the
 * result into an {@link EvaluationReport}. Shuffled AUC takes its negatives as STAViS does: the fixations of all
 * the video's other frames (the union over the video, less the frame's own fixations). A still image (a clip of one
 * frame, as OSIE's) has no other frames, so its negatives are, as in the MIT benchmark, the fixations of the split's
 * other images of its size (their union, less the image's own fixated pixels). The frames a dataset marks as
 * decided by context ({@link VideoEntry#contextFrames()}) are also collected apart, for scores restricted to them.
 */
public final class Evaluator {

    /**
     * @param split             which split to score, e.g. {@code test}
     * @param metrics           conventions and randomness of the metrics
     * @param stavisPostprocess whether predictions get STAViS's post-processing (σ = 2 blur) before scoring
     * @param maxVideos         score at most this many videos of the split (0 = all), for quick looks
     * @param examples          how many example frames the report shows
     */
    public record Settings(String split, MetricOptions metrics, boolean stavisPostprocess, int maxVideos,
                           int examples) {
        public Settings {
            Objects.requireNonNull(split, "split");
            Objects.requireNonNull(metrics, "metrics");
            if (maxVideos < 0 || examples < 0) {
                throw new InvalidOptionsException("video and example counts must not be negative");
            }
        }
    }

    /** Told after each video is scored by every source. */
    @FunctionalInterface
    public interface Progress {
        void videoScored(int done, int total);
    }

    private final Settings settings;
    private final MetricSuite suite;

    public Evaluator(Settings settings) {
        this.settings = settings;
        this.suite = new MetricSuite(settings.metrics());
    }

    /**
     * Scores every source on the split.
     *
     * @throws InvalidOptionsException if the dataset has no ground truth or no such split
     */
    public EvaluationReport evaluate(EvalDataset dataset, List<PredictionSource> sources, String command,
                                     Progress progress) {
        List<VideoEntry> videos = videosToScore(dataset);
        Map<PredictionSource, Scoreboard> boards = new LinkedHashMap<>();
        Map<PredictionSource, Scoreboard> contextBoards = new LinkedHashMap<>();
        for (PredictionSource source : sources) {
            boards.put(source, new Scoreboard(settings.metrics().convention()));
            contextBoards.put(source, new Scoreboard(settings.metrics().convention()));
        }
        Map<String, Set<String>> scenarios = new LinkedHashMap<>();
        List<ExampleFrame> examples = new ArrayList<>();
        Map<List<Integer>, int[]> stillFixations = stillFixationCounts(videos);
        int exampleStride = settings.examples() == 0 ? Integer.MAX_VALUE
                : Math.max(1, videos.size() / settings.examples());
        for (int v = 0; v < videos.size(); v++) {
            VideoEntry video = videos.get(v);
            scenarios.put(video.id(), video.scenarios());
            VideoGroundTruth truth = video.groundTruth().orElseThrow();
            Set<Integer> contextFrames = video.contextFrames();
            boolean showExample = v % exampleStride == 0 && examples.size() < settings.examples();
            int exampleIndex = truth.frameCount() / 2;
            Map<String, Grid> examplePredictions = new LinkedHashMap<>();
            Grid allFixations = truth.frameCount() == 1
                    ? otherStills(stillFixations, truth.frame(0).fixations()) : fixationUnion(truth);
            for (PredictionSource source : sources) {
                Scoreboard board = boards.get(source);
                Scoreboard contextBoard = contextBoards.get(source);
                source.predict(video, truth, (index, prediction, target) -> {
                    Grid scored = settings.stavisPostprocess() ? StavisPostprocess.apply(prediction) : prediction;
                    FrameScores scores = suite.evaluate(scored, target.density(), target.fixations(),
                            otherFixations(allFixations, target.fixations()));
                    board.add(video.id(), scores);
                    if (contextFrames.contains(index)) {
                        contextBoard.add(video.id(), scores);
                    }
                    if (showExample && index == exampleIndex) {
                        examplePredictions.put(source.name(), scored);
                    }
                });
            }
            if (showExample && truth.frameCount() > 0) {
                examples.add(new ExampleFrame(video.id(), exampleIndex, picture(video, exampleIndex),
                        truth.frame(exampleIndex).density(), examplePredictions));
            }
            progress.videoScored(v + 1, videos.size());
        }
        List<ModelScores> models = new ArrayList<>();
        boards.forEach((source, board) -> models.add(new ModelScores(source.name(), source.role(), board,
                contextBoards.get(source))));
        return new EvaluationReport(dataset.name(), settings.split(), command, models, scenarios, examples);
    }

    /**
     * The videos an evaluation of {@code dataset} scores, in order.
     *
     * @throws InvalidOptionsException if the dataset has no ground truth or no such split
     */
    public List<VideoEntry> videosToScore(EvalDataset dataset) {
        if (!dataset.layout().hasGroundTruth()) {
            throw new InvalidOptionsException("dataset " + dataset.name() + " (" + dataset.layout()
                    + " layout) has no fixation ground truth to evaluate against");
        }
        List<VideoEntry> videos = dataset.split(settings.split());
        return settings.maxVideos() > 0 && videos.size() > settings.maxVideos()
                ? videos.subList(0, settings.maxVideos()) : videos;
    }

    private static Grid fixationUnion(VideoGroundTruth truth) {
        double[] union = null;
        int height = 0;
        int width = 0;
        for (int i = 0; i < truth.frameCount(); i++) {
            Grid fixations = truth.frame(i).fixations();
            if (union == null) {
                union = new double[fixations.size()];
                height = fixations.height();
                width = fixations.width();
            }
            double[] values = fixations.toArray();
            for (int p = 0; p < values.length; p++) {
                if (values[p] != 0) {
                    union[p] = 1;
                }
            }
        }
        return union == null ? Grid.of(1, 1, new double[1]) : Grid.of(height, width, union);
    }

    /** Per frame size (height, width), how many of the still images among {@code videos} fixated each pixel. */
    private static Map<List<Integer>, int[]> stillFixationCounts(List<VideoEntry> videos) {
        Map<List<Integer>, int[]> counts = new LinkedHashMap<>();
        for (VideoEntry video : videos) {
            VideoGroundTruth truth = video.groundTruth().orElseThrow();
            if (truth.frameCount() == 1) {
                Grid fixations = truth.frame(0).fixations();
                int[] count = counts.computeIfAbsent(List.of(fixations.height(), fixations.width()),
                        size -> new int[fixations.size()]);
                double[] values = fixations.toArray();
                for (int p = 0; p < values.length; p++) {
                    if (values[p] != 0) {
                        count[p]++;
                    }
                }
            }
        }
        return counts;
    }

    /** The pixels fixated on other still images of {@code own}'s size. */
    private static Grid otherStills(Map<List<Integer>, int[]> counts, Grid own) {
        int[] count = counts.get(List.of(own.height(), own.width()));
        double[] mine = own.toArray();
        double[] other = new double[mine.length];
        for (int p = 0; p < other.length; p++) {
            other[p] = count[p] - (mine[p] != 0 ? 1 : 0) > 0 ? 1 : 0;
        }
        return Grid.of(own.height(), own.width(), other);
    }

    private static Grid otherFixations(Grid union, Grid own) {
        double[] other = union.toArray();
        double[] mine = own.toArray();
        for (int p = 0; p < other.length; p++) {
            if (mine[p] != 0) {
                other[p] = 0;
            }
        }
        return Grid.of(union.height(), union.width(), other);
    }

    private static BufferedImage picture(VideoEntry video, int index) {
        try (VideoMedia media = video.media(AudioRequirement.DEFAULT)) {
            int i = 0;
            for (FrameWithAudio frame : media) {
                if (i++ == index) {
                    return HostFrames.toImage(frame.frame());
                }
            }
        }
        throw new IllegalStateException("video " + video.id() + " has no frame " + index);
    }
}
