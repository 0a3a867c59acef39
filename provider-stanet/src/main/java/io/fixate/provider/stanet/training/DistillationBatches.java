package io.fixate.provider.stanet.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.VideoFrame;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.EpochTrainer;
import io.fixate.spi.djl.FramePreprocessor;

import java.util.List;
import java.util.function.Function;

/**
 * Packs {@link DistillationSample}s into the STA net's inputs (frames t − 1, t, t + 1 as (B, 3, S, S) each, square
 * resized and normalised as the predictor does, and frame t's spectrogram (B, 1, 257, T)) and its label, the
 * pseudo-maps as (B, 1, S, S), on a caller-given manager. No augmentation: a crop or flip would have to move the
 * teacher's map with the frames, and the teacher already saw every frame as it is.
 */
final class DistillationBatches implements EpochTrainer.Batching<DistillationSample> {

    private final FramePreprocessor frames;
    private final AudioSpectrogram audio = new AudioSpectrogram();

    DistillationBatches(int inputSize) {
        frames = FramePreprocessor.evaluation(inputSize);
    }

    /** The input shapes of a batch of {@code batchSize}, to initialise the net with. */
    Shape[] inputShapes(int batchSize) {
        Shape frame = new Shape(batchSize, 3, frames.inputSize(), frames.inputSize());
        return new Shape[] {frame, frame, frame, new Shape(batchSize, 1).addAll(audio.outputShape())};
    }

    @Override
    public NDList inputs(List<DistillationSample> samples, NDManager manager) {
        NDList spectrograms = new NDList();
        for (DistillationSample sample : samples) {
            spectrograms.add(audio.compute(manager, sample.audio()).expandDims(0));
        }
        return new NDList(frames(samples, DistillationSample::previous, manager),
                frames(samples, DistillationSample::current, manager),
                frames(samples, DistillationSample::next, manager), NDArrays.stack(spectrograms));
    }

    @Override
    public NDArray labels(List<DistillationSample> samples, NDManager manager) {
        int size = frames.inputSize();
        float[] maps = new float[samples.size() * size * size];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i).pseudoMap(), 0, maps, i * size * size, size * size);
        }
        return manager.create(maps, new Shape(samples.size(), 1, size, size));
    }

    private NDArray frames(List<DistillationSample> samples, Function<DistillationSample, VideoFrame> which,
                           NDManager manager) {
        NDList batch = new NDList();
        for (DistillationSample sample : samples) {
            batch.add(frames.apply(which.apply(sample), manager));
        }
        return NDArrays.stack(batch);
    }
}
