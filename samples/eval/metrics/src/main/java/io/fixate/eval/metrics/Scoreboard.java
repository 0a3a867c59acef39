package io.fixate.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects per-frame scores by video and averages them as STAViS reports them: a video's score is the mean over its
 * frames with NaN frames dropped, and the dataset's score the mean over videos with NaN videos (no finite frame)
 * dropped. Averaging several dataset splits is one more {@link #meanDroppingNaN}. Not thread-safe.
 */
public final class Scoreboard {

    private final Convention convention;
    private final Map<String, List<FrameScores>> framesByVideo = new LinkedHashMap<>();

    /** An empty board for scores computed under {@code convention}. */
    public Scoreboard(Convention convention) {
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    /** The convention of every score on this board. */
    public Convention convention() {
        return convention;
    }

    /**
     * Adds one frame's scores to {@code video}.
     *
     * @throws IllegalArgumentException if the scores follow another convention than this board
     */
    public void add(String video, FrameScores frame) {
        Objects.requireNonNull(video, "video");
        if (frame.convention() != convention) {
            throw new IllegalArgumentException("frame of video " + video + " was scored under "
                    + frame.convention().label() + ", this board collects " + convention.label());
        }
        framesByVideo.computeIfAbsent(video, v -> new ArrayList<>()).add(frame);
    }

    /** The videos in the order they were first added. */
    public List<String> videos() {
        return List.copyOf(framesByVideo.keySet());
    }

    /** The scores of {@code video}'s frames, in the order they were added. */
    public List<FrameScores> frameScores(String video) {
        return List.copyOf(frames(video));
    }

    /** How many frames {@code video} has. */
    public int frameCount(String video) {
        return frames(video).size();
    }

    /** How many of {@code video}'s frames scored NaN on {@code metric} and are left out of its mean. */
    public int droppedFrames(String video, Metric metric) {
        int dropped = 0;
        for (FrameScores frame : frames(video)) {
            if (Double.isNaN(frame.value(metric))) {
                dropped++;
            }
        }
        return dropped;
    }

    /** The mean of {@code metric} over {@code video}'s non-NaN frames; NaN if there is none. */
    public MetricResult videoMean(String video, Metric metric) {
        List<FrameScores> frames = frames(video);
        double[] values = new double[frames.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = frames.get(i).value(metric);
        }
        return new MetricResult(metric, convention, meanDroppingNaN(values));
    }

    /** The mean of the video means of {@code metric}, NaN videos dropped; NaN if none is left. */
    public MetricResult datasetMean(Metric metric) {
        double[] means = framesByVideo.keySet().stream().mapToDouble(v -> videoMean(v, metric).value()).toArray();
        return new MetricResult(metric, convention, meanDroppingNaN(means));
    }

    /** How many videos have no non-NaN frame for {@code metric} and are left out of the dataset mean. */
    public int droppedVideos(Metric metric) {
        return (int) framesByVideo.keySet().stream().filter(v -> Double.isNaN(videoMean(v, metric).value())).count();
    }

    /** The mean of the values that are not NaN; NaN if none is. */
    public static double meanDroppingNaN(double... values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private List<FrameScores> frames(String video) {
        List<FrameScores> frames = framesByVideo.get(Objects.requireNonNull(video, "video"));
        if (frames == null) {
            throw new IllegalArgumentException("no frames for video " + video);
        }
        return frames;
    }
}
