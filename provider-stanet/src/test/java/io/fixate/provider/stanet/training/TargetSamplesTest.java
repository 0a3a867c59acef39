package io.fixate.provider.stanet.training;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.FrameWithAudio;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.djl.FrameFit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Target maps lie in the training square where their frames do: the whole square, or the padded frame's place. */
class TargetSamplesTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int SIZE = 32;

    @Test
    void aSquashedTargetIsTheDensityResizedToTheSquare() {
        FixationMap density = recorded();
        assertArrayEquals(density.resized(SIZE, SIZE).toArray(), target(FrameFit.SQUASH));
    }

    /** A 4:3 frame in a square of 32 takes rows 4 to 27; the rows above and below are zero, as no one looks there. */
    @Test
    void aPaddedTargetIsTheDensityInTheFramesContentRectangleAndZeroAround() {
        float[] target = target(FrameFit.PAD);

        float[] border = new float[4 * SIZE];
        assertArrayEquals(border, Arrays.copyOfRange(target, 0, 4 * SIZE));
        assertArrayEquals(border, Arrays.copyOfRange(target, 28 * SIZE, SIZE * SIZE));
        assertArrayEquals(recorded().resized(SIZE, 24).toArray(), Arrays.copyOfRange(target, 4 * SIZE, 28 * SIZE));
    }

    private static float[] target(FrameFit fit) {
        TargetSamples samples = new TargetSamples(Teacher.none(), 1, SIZE, fit, AudioRequirement.DEFAULT);
        List<DistillationSample> decoded = samples.decode(List.of(new GazeClip()), "decode", TrainingMonitor.NONE);
        assertEquals(1, decoded.size());
        return decoded.get(0).pseudoMap();
    }

    /** A density peaked at (0.25, 0.75) of the frame, falling off linearly. */
    private static FixationMap recorded() {
        float[] values = new float[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double distance = Math.hypot(x + 0.5 - WIDTH / 4.0, y + 0.5 - HEIGHT * 0.75);
                values[y * WIDTH + x] = (float) Math.max(0, 1 - distance / 20);
            }
        }
        return FixationMap.ofScores(WIDTH, HEIGHT, values, 0, WIDTH, HEIGHT);
    }

    /** One frame of the moving square with {@link #recorded()} recorded on it. */
    private static final class GazeClip implements TrainingClip {

        @Override
        public String id() {
            return "gaze";
        }

        @Override
        public Set<String> tags() {
            return Set.of();
        }

        @Override
        public String fingerprint() {
            return "gaze-v1";
        }

        @Override
        public ClipMedia open(AudioRequirement audio) {
            List<FrameWithAudio> frames = MovingSquareClip.clip().size(WIDTH, HEIGHT).frames(1, 25).frames(audio);
            return new ClipMedia() {
                @Override
                public Iterator<FrameWithAudio> iterator() {
                    return frames.iterator();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Optional<RecordedGaze> gaze() {
            return Optional.of(new RecordedGaze() {
                @Override
                public List<FixationPoint> fixations(int frame) {
                    return List.of(recorded().peak());
                }

                @Override
                public Optional<FixationMap> density(int frame) {
                    return Optional.of(recorded());
                }
            });
        }
    }
}
