package io.fixate.provider.stanet.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.VideoFrame;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.EpochTrainer;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Packs {@link DistillationSample}s into the STA net's inputs (frames t − 1, t, t + 1 as (B, 3, S, S) each, laid
 * into the square (squashed or padded, {@link FrameFit}) and normalised as the predictor does, and frame t's audio
 * window as the net's audio encoder takes it, {@link AudioPreprocessor}) and its label, the pseudo-maps as
 * (B, 1, S, S), on a caller-given manager.
 *
 * <p>The {@linkplain #augmenting augmenting} variant, one per epoch, adds the reference's STA augmentation, colour
 * jitter drawn independently for every frame (no crop; a padded border stays grey), and mirrors a sample left to
 * right with probability one half: its three frames and its pseudo-map together, so the map still lies on what the
 * teacher saw (a padded frame's content rectangle is symmetric, so the flip keeps it, and the border, in place). The
 * flip is not in the reference; it doubles the scenes a small dataset shows the net, and the synthetic benchmark,
 * like real footage, has no preferred side. Draws depend only on the epoch's seed and the order of the batches, so a
 * resumed run repeats them.
 */
final class DistillationBatches implements EpochTrainer.Batching<DistillationSample> {

    private final FramePreprocessor frames;
    private final AudioPreprocessor audio;
    /** The left-right flip of each sample this epoch; null when not augmenting. */
    private final Map<DistillationSample, Boolean> flips;
    private final SplittableRandom random;

    private DistillationBatches(FramePreprocessor frames, AudioPreprocessor audio, SplittableRandom random) {
        this.frames = frames;
        this.audio = audio;
        this.random = random;
        this.flips = random == null ? null : new IdentityHashMap<>();
    }

    /** Test-time batches for {@code net}: the predictor's preprocessing, nothing drawn at random. */
    static DistillationBatches evaluation(int inputSize, FrameFit fit, StaNet net) {
        return new DistillationBatches(FramePreprocessor.evaluation(inputSize, net.visualEncoder().input(), fit),
                new AudioPreprocessor(net.audioEncoder()), null);
    }

    /** One epoch's augmented batches for {@code net}, drawn from {@code random}. */
    static DistillationBatches augmenting(int inputSize, FrameFit fit, StaNet net, SplittableRandom random) {
        return new DistillationBatches(FramePreprocessor.augmenting(inputSize, inputSize, random.nextLong(),
                net.visualEncoder().input(), fit), new AudioPreprocessor(net.audioEncoder()), random.split());
    }

    /** The input shapes of a batch of {@code batchSize}, to initialise the net with. */
    Shape[] inputShapes(int batchSize) {
        Shape frame = new Shape(batchSize, 3, frames.inputSize(), frames.inputSize());
        return new Shape[] {frame, frame, frame, audio.batchShape(batchSize)};
    }

    @Override
    public NDList inputs(List<DistillationSample> samples, NDManager manager) {
        return new NDList(frames(samples, DistillationSample::previous, manager),
                frames(samples, DistillationSample::current, manager),
                frames(samples, DistillationSample::next, manager),
                audio.batch(manager, samples.stream().map(DistillationSample::audio).toList()));
    }

    @Override
    public NDArray labels(List<DistillationSample> samples, NDManager manager) {
        int size = frames.inputSize();
        NDList maps = new NDList();
        for (DistillationSample sample : samples) {
            NDArray map = manager.create(sample.pseudoMap(), new Shape(1, size, size));
            maps.add(flipped(sample) ? map.flip(2) : map);
        }
        return NDArrays.stack(maps);
    }

    private NDArray frames(List<DistillationSample> samples, Function<DistillationSample, VideoFrame> which,
                           NDManager manager) {
        NDList batch = new NDList();
        for (DistillationSample sample : samples) {
            NDArray frame = frames.apply(which.apply(sample), manager);
            batch.add(flipped(sample) ? frame.flip(2) : frame);
        }
        return NDArrays.stack(batch);
    }

    /** Whether {@code sample} is mirrored this epoch; drawn the first time it is asked. */
    private boolean flipped(DistillationSample sample) {
        return flips != null && flips.computeIfAbsent(sample, s -> random.nextBoolean());
    }
}
