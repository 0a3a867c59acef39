package io.fixate.samples.stavis.training;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.FrameWithAudio;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.TrainingClip;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tiny training clips of the fixtures' moving square, each frame with recorded gaze: a Gaussian blob (σ a tenth of the
 * width) on the square, as if every viewer had looked at it.
 */
final class SquareClips {

    static final int WIDTH = 48;
    static final int HEIGHT = 36;
    static final int CLIP_FRAMES = 6;
    private static final int MAP_WIDTH = 16;
    private static final int MAP_HEIGHT = 12;

    private SquareClips() {
    }

    /** {@code count} consecutive clips of the square's path, from clip {@code first} on, named {@code prefix + i}. */
    static List<TrainingClip> clips(String prefix, int first, int count) {
        List<TrainingClip> clips = new ArrayList<>();
        for (int c = first; c < first + count; c++) {
            clips.add(new Clip(prefix + c, c));
        }
        return clips;
    }

    /** The square's centre in frame {@code frame} of the path, as a fraction of the width. */
    static double squareCentreX(int frame) {
        return (MovingSquareClip.clip().size(WIDTH, HEIGHT).squareX(frame) + MovingSquareClip.SQUARE_SIZE / 2.0)
                / WIDTH;
    }

    private static List<FrameWithAudio> frames(int clip, AudioRequirement audio) {
        return MovingSquareClip.clip().size(WIDTH, HEIGHT).frames(CLIP_FRAMES * (clip + 1), 25).frames(audio)
                .subList(clip * CLIP_FRAMES, (clip + 1) * CLIP_FRAMES);
    }

    private record Clip(String id, int index) implements TrainingClip {

        @Override
        public Set<String> tags() {
            return Set.of();
        }

        @Override
        public String fingerprint() {
            return id + "-v1";
        }

        @Override
        public ClipMedia open(AudioRequirement audio) {
            List<FrameWithAudio> frames = frames(index, audio);
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
                    return List.of(density(frame).orElseThrow().peak());
                }

                @Override
                public Optional<FixationMap> density(int frame) {
                    int global = index * CLIP_FRAMES + frame;
                    double cx = squareCentreX(global);
                    double cy = 0.5;
                    float[] values = new float[MAP_WIDTH * MAP_HEIGHT];
                    for (int y = 0; y < MAP_HEIGHT; y++) {
                        for (int x = 0; x < MAP_WIDTH; x++) {
                            double dx = (x + 0.5) / MAP_WIDTH - cx;
                            double dy = ((y + 0.5) / MAP_HEIGHT - cy) * HEIGHT / WIDTH;
                            values[y * MAP_WIDTH + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * 0.1 * 0.1));
                        }
                    }
                    return Optional.of(FixationMap.of(MAP_WIDTH, MAP_HEIGHT, values, 40_000L * global, WIDTH,
                            HEIGHT));
                }
            });
        }
    }
}
