package io.fixate.provider.stanet.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.VisualEncoder;
import io.fixate.spi.djl.training.EpochTrainer;
import io.fixate.spi.djl.training.MapCorrelation;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains an {@link StaNet} on {@link DistillationSample}s with its loss (BCE + KL against the teacher's map) and the
 * shared {@link EpochTrainer} (seeded initialisation, shuffling and augmentation, a checkpoint after every epoch,
 * bit-identical resume, a stop on a diverging loss), and after every epoch measures the validation score: the mean
 * linear correlation coefficient (CC) between the net's map σ(finest logits) and the teacher's map over the
 * validation samples. Not thread-safe; close it to release the model's native memory.
 */
final class DistillationTrainer implements AutoCloseable {

    private final StaNet net;
    private final DistillationSettings settings;
    private final DistillationBatches batches;
    private final EpochTrainer<DistillationSample> epochs;

    /**
     * @param modelId identifies the net's architecture in the checkpoint's weights manifests
     * @throws InvalidOptionsException when the checkpoint was made with other settings (the epoch count aside)
     * @throws CorruptWeightsException when the checkpoint is damaged or belongs to another net
     */
    DistillationTrainer(StaNet net, String modelId, DistillationSettings settings, long seed, Path checkpointFolder,
                        Device device) {
        this.net = net;
        this.settings = settings;
        this.batches = DistillationBatches.evaluation(settings.inputSize(), settings.frameFit(), net);
        this.epochs = new EpochTrainer<>(new EpochTrainer.Setup(modelId, net, net.loss(),
                batches.inputShapes(settings.batchSize()), settings.batchSize(), settings::learningRateOfEpoch,
                settings.weightDecay(), seed, settings.checkpointOptions(seed), manager -> loadPretrainedEncoders(
                        net, settings, manager)), checkpointFolder, device);
        if (settings.freezeEncoder()) {
            net.freezeVisualEncoder();
        }
        if (settings.freezeAudioEncoder()) {
            net.freezeAudioEncoder();
        }
    }

    /** Puts the imported weights the settings name into the freshly initialised encoders. */
    private static void loadPretrainedEncoders(StaNet net, DistillationSettings settings, NDManager manager) {
        VisualEncoder visual = net.visualEncoder();
        settings.encoderFolder().ifPresent(folder -> EncoderFolder.load(visual.block(), manager, folder,
                visual.name(), EncoderFolder.ENCODER));
        AudioEncoder audio = net.audioEncoder();
        settings.audioEncoderFolder().ifPresent(folder -> EncoderFolder.load(audio.block(), manager, folder,
                audio.name(), EncoderFolder.ENCODER));
    }

    /** Epochs finished so far, including those of a resumed checkpoint. */
    int epochsDone() {
        return epochs.epochsDone();
    }

    /**
     * Runs the remaining epochs up to the settings' count, checkpointing after each; the listener's validation score
     * is the mean CC on {@code validation} ({@link #meanCorrelation}).
     *
     * @throws UncheckedIOException      when a checkpoint cannot be written
     * @throws TrainingDivergedException when a step's loss is not finite: the learning rate is too high
     */
    void train(List<DistillationSample> training, List<DistillationSample> validation,
               EpochTrainer.Listener listener) {
        epochs.train(settings.epochs(), training, random -> settings.augment()
                        ? DistillationBatches.augmenting(settings.inputSize(), settings.frameFit(), net, random)
                        : batches,
                () -> validation.isEmpty() ? Float.NaN : meanCorrelation(validation), listener);
    }

    /**
     * The mean CC between the net's maps and the teacher's over {@code samples}; samples whose teacher map is
     * constant (no fixation to correlate with) are left out, and NaN is returned when none is left.
     */
    float meanCorrelation(List<DistillationSample> samples) {
        return MapCorrelation.mean(samples, settings.batchSize(), epochs.manager(), (batch, step) -> net.forward(
                new ParameterStore(step, false), batches.inputs(batch, step), false).get(0),
                DistillationSample::pseudoMap);
    }

    /** The manager that holds the net's parameters. */
    NDManager manager() {
        return epochs.manager();
    }

    @Override
    public void close() {
        epochs.close();
    }
}
