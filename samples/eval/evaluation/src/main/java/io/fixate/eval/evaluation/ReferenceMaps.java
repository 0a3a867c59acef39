package io.fixate.eval.evaluation;

import io.fixate.eval.dataset.GroundTruth;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.report.EntryRole;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Baselines that look at nothing: the same map for every frame, at the ground truth's size. They show what a score is
 * worth before a model has seen a pixel.
 */
public final class ReferenceMaps implements PredictionSource {

    /** Standard deviation of the centre prior as a fraction of each side, a common choice for video saliency. */
    public static final double CENTRE_SIGMA = 0.25;

    private final String name;
    private final Function<GroundTruth, Grid> map;

    private ReferenceMaps(String name, Function<GroundTruth, Grid> map) {
        this.name = name;
        this.map = map;
    }

    /** An isotropic-in-normalised-coordinates Gaussian at the frame centre, σ = {@value #CENTRE_SIGMA} of each side. */
    public static ReferenceMaps centreBias() {
        Map<List<Integer>, Grid> bySize = new HashMap<>(); // one map per frame size, not per frame
        return new ReferenceMaps("centre-bias", target -> bySize.computeIfAbsent(
                List.of(target.density().height(), target.density().width()),
                size -> centreGaussian(size.get(0), size.get(1))));
    }

    /**
     * The same value everywhere. Under MIT conventions a constant map has no defined AUC-J, NSS, CC or SIM (they
     * normalise by its range or spread), so reports show n/a there; its KLD is the cost of knowing nothing.
     */
    public static ReferenceMaps uniform() {
        Map<List<Integer>, Grid> bySize = new HashMap<>();
        return new ReferenceMaps("uniform", target -> bySize.computeIfAbsent(
                List.of(target.density().height(), target.density().width()), size -> {
                    double[] ones = new double[size.get(0) * size.get(1)];
                    Arrays.fill(ones, 1);
                    return Grid.of(size.get(0), size.get(1), ones);
                }));
    }

    /** The centre-bias map at {@code height} × {@code width}: peak 1 in the middle, σ = {@value #CENTRE_SIGMA} of a side. */
    public static Grid centreGaussian(int height, int width) {
        double[] values = new double[height * width];
        for (int y = 0; y < height; y++) {
            double dy = ((y + 0.5) / height - 0.5) / CENTRE_SIGMA;
            for (int x = 0; x < width; x++) {
                double dx = ((x + 0.5) / width - 0.5) / CENTRE_SIGMA;
                values[y * width + x] = Math.exp(-(dx * dx + dy * dy) / 2);
            }
        }
        return Grid.of(height, width, values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EntryRole role() {
        return EntryRole.BASELINE;
    }

    @Override
    public void predict(VideoEntry video, VideoGroundTruth groundTruth, FrameSink sink) {
        for (int i = 0; i < groundTruth.frameCount(); i++) {
            GroundTruth target = groundTruth.frame(i);
            sink.accept(i, map.apply(target), target);
        }
    }
}
