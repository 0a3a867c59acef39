package io.fixate.cli.bench;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.eval.dataset.GroundTruth;
import io.fixate.eval.dataset.VideoGroundTruth;
import io.fixate.eval.metrics.Grid;
import java.util.List;

/**
 * A benchmark clip's recorded attention served as if a model had predicted it: frame {@code i} gets the ground-truth
 * density of frame {@code i}. Benchmarks use it to weight scores by where people looked, and as an oracle, the upper
 * bound of what any model's maps could give. Not a provider: it knows one clip only.
 */
public final class GroundTruthMaps implements FixationPredictor {

    private final VideoGroundTruth truth;
    private final String clip;

    public GroundTruthMaps(VideoGroundTruth truth, String clip) {
        this.truth = truth;
        this.clip = clip;
    }

    @Override
    public ProviderInfo info() {
        return new ProviderInfo("ground-truth", List.of(), "the recorded attention of " + clip,
                Capabilities.builder().build());
    }

    @Override
    public PredictionSession openSession() {
        return new PredictionSession() {
            private int index;

            @Override
            public int lookAheadFrames() {
                return 0;
            }

            @Override
            public AudioRequirement audioRequirement() {
                return AudioRequirement.DEFAULT;
            }

            @Override
            public List<FixationMap> push(FrameWithAudio input) {
                if (index >= truth.frameCount()) {
                    throw new IllegalStateException(clip + " has ground truth for " + truth.frameCount()
                            + " frames, and its video more");
                }
                return List.of(densityMap(truth.frame(index++), input.frame().timestampMicros(),
                        input.frame().width(), input.frame().height()));
            }

            @Override
            public List<FixationMap> flush() {
                return List.of();
            }

            @Override
            public void close() {
                // nothing held between frames
            }
        };
    }

    /** The density of one frame as a map of a {@code width} × {@code height} frame. */
    private static FixationMap densityMap(GroundTruth frame, long timestampMicros, int width, int height) {
        Grid grid = frame.density();
        double[] density = grid.toArray();
        float[] values = new float[density.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.max(0, Math.min(1, density[i]));
        }
        return FixationMap.of(grid.width(), grid.height(), values, timestampMicros, width, height);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
