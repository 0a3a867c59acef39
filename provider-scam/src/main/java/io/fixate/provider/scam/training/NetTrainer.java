package io.fixate.provider.scam.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.provider.scam.nets.FrameEncoder;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.EpochTrainer;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Trains one {@link TrainableNet} (a SCAM net, the audio classifier or the sound switch) on {@link TrainingSample}s
 * with the shared {@link EpochTrainer} (seeded shuffling, checkpoint after every epoch, bit-identical resume), the
 * net's own loss, per-epoch augmentation ({@link FramePreprocessor#augmenting}) drawn from the epoch's random source,
 * and after every epoch the top-1 accuracy on the validation samples (argmax of the net's {@linkplain
 * TrainableNet#scores scores} against the tag). Frames are normalised as the net's visual encoder declares; the
 * encoder starts from imported weights and is frozen where the options say so. One trainer per net; not thread-safe.
 * Close it to release the model's native memory.
 */
public final class NetTrainer implements AutoCloseable {

    private final TrainableNet net;
    private final TrainingOptions options;
    private final FrameNormalisation normalisation;
    private final EpochTrainer<TrainingSample> epochs;

    /**
     * A trainer for {@code net}, a fresh (uninitialised) block, on {@code device}, resuming from the checkpoint in
     * {@code checkpointFolder} when there is one.
     *
     * @throws InvalidOptionsException when the checkpoint was made with other options (the epoch count aside)
     * @throws CorruptWeightsException when the checkpoint is damaged or belongs to another net, or the imported
     *                                 weights are damaged or of another encoder
     * @throws IllegalArgumentException when the options give encoder weights to a net that sees no frames
     */
    public NetTrainer(TrainableNet net, TrainingOptions options, Path checkpointFolder, Device device) {
        this.net = Objects.requireNonNull(net, "net");
        this.options = Objects.requireNonNull(options, "options");
        // the audio classifier reads no frames, so any normalisation serves it
        this.normalisation = net.frameEncoder().map(FrameEncoder::input)
                .orElse(FrameNormalisation.IMAGENET_MEAN_STD);
        FrameEncoder pretrained = options.encoderWeights().isEmpty() ? null : net.frameEncoder().orElseThrow(
                () -> new IllegalArgumentException(net.architectureId() + " has no visual encoder to import into"));
        this.epochs = new EpochTrainer<>(new EpochTrainer.Setup(net.architectureId(), net.block(), net.loss(),
                batches(FramePreprocessor.evaluation(options.inputSize(), normalisation))
                        .inputShapes(options.batchSize()),
                options.batchSize(), epoch -> options.learningRate(), options.weightDecay(), options.seed(),
                options.checkpointOptions(), manager -> {
                    options.encoderWeights().ifPresent(folder -> pretrained.loadImported(manager, folder));
                    net.loadStartingWeights(manager);
                }), checkpointFolder, device);
        if (options.freezeEncoder()) {
            pretrained.freeze();
        }
    }

    /** Epochs finished so far, including those of a resumed checkpoint. */
    public int epochsDone() {
        return epochs.epochsDone();
    }

    /**
     * Runs the remaining epochs up to {@link TrainingOptions#epochs()}, checkpointing after each.
     *
     * @param training   the training samples, at least one
     * @param validation the samples to measure accuracy on after each epoch, the listener's validation score; may be
     *                   empty
     * @throws UncheckedIOException       when a checkpoint cannot be written
     * @throws TrainingDivergedException when a step's loss is not finite
     */
    public void train(List<TrainingSample> training, List<TrainingSample> validation,
                      EpochTrainer.Listener listener) {
        epochs.train(options.epochs(), training, random -> batches(FramePreprocessor.augmenting(options.inputSize(),
                options.resizeSize(), random.nextLong(), normalisation)),
                () -> validation.isEmpty() ? Float.NaN : accuracy(validation), listener);
    }

    /** Top-1 accuracy of the net on {@code samples}: the share whose highest-scoring class is their tag. */
    public float accuracy(List<TrainingSample> samples) {
        int correct = 0;
        for (List<TrainingSample> batch : EpochTrainer.partition(samples, options.batchSize())) {
            try (NDManager step = epochs.manager().newSubManager()) {
                long[] predicted = scores(batch, step).argMax(1).toLongArray();
                for (int i = 0; i < batch.size(); i++) {
                    correct += predicted[i] == batch.get(i).tag() ? 1 : 0;
                }
            }
        }
        return (float) correct / samples.size();
    }

    /** The scores (B, classes) of {@code samples} without augmentation, owned by {@code manager}. */
    public NDArray scores(List<TrainingSample> samples, NDManager manager) {
        Batches batches = batches(FramePreprocessor.evaluation(options.inputSize(), normalisation));
        NDList outputs = net.block().forward(new ParameterStore(manager, false), batches.inputs(samples, manager),
                false);
        return net.scores(outputs);
    }

    private Batches batches(FramePreprocessor frames) {
        return Batches.of(net, frames, new AudioSpectrogram());
    }

    @Override
    public void close() {
        epochs.close();
    }
}
