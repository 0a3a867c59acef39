package io.fixate.provider.scam.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.nets.InputKind;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.FramePreprocessor;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Packs {@link TrainingSample}s into the inputs and labels of one net kind, on a caller-given manager: frames as
 * (B, 3, S, S) through a {@link FramePreprocessor} (three such arrays, previous, current, next, for {@link
 * InputKind#FRAME_TRIPLE}), spectrograms as (B, 1, 257, T) through an {@link AudioSpectrogram}, labels as one-hot
 * (B, classes) rows, the multi-hot form the loss takes. Frames go through the preprocessor in a fixed order (all
 * previous frames, then all current, then all next), so an augmenting preprocessor gives reproducible batches. For a
 * net that reasons over several nodes (the SCAM+ nets), the inputs are those of each node in turn (the targets', then
 * each companion's), every sample bringing the same number of nodes.
 */
public final class Batches implements EpochTrainer.Batching<TrainingSample> {

    private final InputKind kind;
    private final FramePreprocessor frames;
    private final AudioSpectrogram audio;
    private final int classes;
    private final int nodes;

    /** Batches of single-node samples. */
    public Batches(InputKind kind, FramePreprocessor frames, AudioSpectrogram audio, int classes) {
        this(kind, 1, frames, audio, classes);
    }

    /** @param nodes how many nodes (target and companions) each sample brings */
    public Batches(InputKind kind, int nodes, FramePreprocessor frames, AudioSpectrogram audio, int classes) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (nodes < 1) {
            throw new IllegalArgumentException("a sample is at least one node, got " + nodes);
        }
        this.nodes = nodes;
        this.frames = Objects.requireNonNull(frames, "frames");
        this.audio = Objects.requireNonNull(audio, "audio");
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        this.classes = classes;
    }

    /** Batches of what {@code net} reads. */
    public static Batches of(TrainableNet net, FramePreprocessor frames, AudioSpectrogram audio) {
        return new Batches(net.input(), net.nodes(), frames, audio, net.classes());
    }

    /** The shapes of the inputs of a batch of {@code batchSize}, to initialise a net with. */
    public Shape[] inputShapes(int batchSize) {
        Shape frame = new Shape(batchSize, 3, frames.inputSize(), frames.inputSize());
        Shape[] node = switch (kind) {
            case FRAME -> new Shape[] {frame};
            case FRAME_TRIPLE -> new Shape[] {frame, frame, frame};
            case FRAME_AND_AUDIO -> new Shape[] {frame, spectrogram(batchSize)};
            case AUDIO -> new Shape[] {spectrogram(batchSize)};
        };
        Shape[] all = new Shape[node.length * nodes];
        for (int i = 0; i < nodes; i++) {
            System.arraycopy(node, 0, all, i * node.length, node.length);
        }
        return all;
    }

    /** The net inputs of {@code samples}, owned by {@code manager}. */
    @Override
    public NDList inputs(List<TrainingSample> samples, NDManager manager) {
        requireSamples(samples);
        if (nodes == 1) {
            return nodeInputs(samples, manager);
        }
        NDList all = new NDList();
        for (int node = 0; node < nodes; node++) {
            int index = node;
            all.addAll(nodeInputs(samples.stream().map(sample -> nodeOf(sample, index)).toList(), manager));
        }
        return all;
    }

    private TrainingSample nodeOf(TrainingSample sample, int node) {
        List<TrainingSample> all = sample.nodes();
        if (all.size() != nodes) {
            throw new IllegalArgumentException("the net reasons over " + nodes + " nodes, but a sample brings "
                    + all.size());
        }
        return all.get(node);
    }

    private NDList nodeInputs(List<TrainingSample> samples, NDManager manager) {
        return switch (kind) {
            case FRAME -> new NDList(frames(samples, TrainingSample::current, manager));
            case FRAME_TRIPLE -> new NDList(frames(samples, TrainingSample::previous, manager),
                    frames(samples, TrainingSample::current, manager), frames(samples, TrainingSample::next, manager));
            case FRAME_AND_AUDIO -> new NDList(frames(samples, TrainingSample::current, manager),
                    spectrograms(samples, manager));
            case AUDIO -> new NDList(spectrograms(samples, manager));
        };
    }

    /**
     * One-hot rows (B, classes) of the samples' tags, owned by {@code manager}.
     *
     * @throws IllegalArgumentException when a tag is not one of the classes
     */
    @Override
    public NDArray labels(List<TrainingSample> samples, NDManager manager) {
        requireSamples(samples);
        float[] rows = new float[samples.size() * classes];
        for (int i = 0; i < samples.size(); i++) {
            int tag = samples.get(i).tag();
            if (tag >= classes) {
                throw new IllegalArgumentException("tag " + tag + " of sample " + i + " is not one of the " + classes
                        + " classes");
            }
            rows[i * classes + tag] = 1;
        }
        return manager.create(rows, new Shape(samples.size(), classes));
    }

    private Shape spectrogram(int batchSize) {
        return new Shape(batchSize, 1).addAll(audio.outputShape());
    }

    private NDArray frames(List<TrainingSample> samples, Function<TrainingSample, VideoFrame> which,
                           NDManager manager) {
        NDList batch = new NDList();
        for (TrainingSample sample : samples) {
            batch.add(frames.apply(which.apply(sample), manager));
        }
        return NDArrays.stack(batch);
    }

    private NDArray spectrograms(List<TrainingSample> samples, NDManager manager) {
        NDList batch = new NDList();
        for (int i = 0; i < samples.size(); i++) {
            TrainingSample sample = samples.get(i);
            if (sample.audio() == null) {
                throw new IllegalArgumentException(kind + " input needs audio, but sample " + i + " has none");
            }
            batch.add(audio.compute(manager, sample.audio()).expandDims(0));
        }
        return NDArrays.stack(batch);
    }

    private static void requireSamples(List<TrainingSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one sample");
        }
    }
}
