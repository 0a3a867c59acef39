package io.fixate.eval.evaluation;

import io.fixate.eval.dataset.GroundTruth;
import io.fixate.eval.dataset.VideoEntry;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.metrics.GaussianBlur;
import io.fixate.eval.metrics.Grid;
import io.fixate.eval.report.EntryRole;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scores that come from the ground truth itself and so bound what a model can reach: the density judged against
 * itself (the ceiling of each metric), and one half of the observers predicting the other half (how well people agree,
 * the practical ceiling).
 */
public final class GroundTruthBounds implements PredictionSource {

    /** Blur of each half's fixations into a density, as a fraction of the frame's larger side. */
    public static final double OBSERVER_SIGMA = 1.0 / 16;

    private final String name;
    private final long seed;

    private GroundTruthBounds(String name, long seed) {
        this.name = name;
        this.seed = seed;
    }

    /** The ground-truth density as the prediction. */
    public static GroundTruthBounds groundTruth() {
        return new GroundTruthBounds("ground-truth", -1);
    }

    /**
     * Per frame, the fixated pixels are split at random (seeded by the video and frame) into two halves; half A blurred
     * by {@value #OBSERVER_SIGMA} of the larger side predicts, and is judged against half B's fixations and B blurred
     * the same way as the density.
     */
    public static GroundTruthBounds interObserver(long seed) {
        return new GroundTruthBounds("inter-observer", seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EntryRole role() {
        return EntryRole.BOUND;
    }

    @Override
    public void predict(VideoEntry video, VideoGroundTruth groundTruth, FrameSink sink) {
        for (int i = 0; i < groundTruth.frameCount(); i++) {
            GroundTruth truth = groundTruth.frame(i);
            if (seed < 0) {
                sink.accept(i, truth.density(), truth);
            } else {
                splitObservers(video.id().hashCode() * 31L + i, truth, sink);
            }
        }
    }

    private void splitObservers(long frameSeed, GroundTruth truth, FrameSink sink) {
        Grid fixations = truth.fixations();
        List<Integer> fixated = new ArrayList<>();
        double[] values = fixations.toArray();
        for (int p = 0; p < values.length; p++) {
            if (values[p] != 0) {
                fixated.add(p);
            }
        }
        SplittableRandom random = new SplittableRandom(seed ^ frameSeed);
        for (int k = fixated.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            fixated.set(k, fixated.set(j, fixated.get(k)));
        }
        List<Integer> halfA = fixated.subList(0, fixated.size() / 2);
        List<Integer> halfB = fixated.subList(fixated.size() / 2, fixated.size());
        double sigma = OBSERVER_SIGMA * Math.max(fixations.width(), fixations.height());
        Grid pointsB = points(fixations, halfB);
        GroundTruth targetB = new GroundTruth(truth.index(), truth.timestampMicros(),
                GaussianBlur.apply(pointsB, sigma), pointsB);
        sink.accept(truth.index(), GaussianBlur.apply(points(fixations, halfA), sigma), targetB);
    }

    private static Grid points(Grid like, List<Integer> pixels) {
        double[] values = new double[like.size()];
        pixels.forEach(p -> values[p] = 1);
        return Grid.of(like.height(), like.width(), values);
    }
}
