package io.fixate.provider.stanet.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.Checkpoint;
import io.fixate.spi.djl.MomentumSgd;
import io.fixate.spi.djl.TrainingStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains an {@link StaNet} on {@link DistillationSample}s with its {@link ai.djl.training.loss.Loss StaLoss} (BCE + KL
 * against the teacher's map) and {@link MomentumSgd}: seeded initialisation, a shuffle per epoch seeded by (seed,
 * epoch) alone, and after every epoch a {@link Checkpoint} and the validation score, the mean linear correlation
 * coefficient (CC) between the net's map σ(finest logits) and the teacher's map over the validation samples.
 *
 * <p>A trainer constructed on a folder that holds a checkpoint loads its weights and momentum buffers and continues
 * after its last finished epoch, on the same batches an uninterrupted run would see. Every step's tensors live in a
 * sub-manager closed at its end. Not thread-safe; close it to release the model's native memory.
 */
final class DistillationTrainer implements AutoCloseable {

    /** Odd constant (2^64 / golden ratio) that spreads consecutive epochs over unrelated seeds. */
    private static final long EPOCH_SEED_STEP = 0x9E3779B97F4A7C15L;

    /** Progress of the epochs; epochs count from 1. */
    interface Listener {

        void stepFinished(int epoch, int step, int steps, float loss);

        /** After the epoch and its checkpoint; {@code validationCc} is NaN without validation samples. */
        void epochFinished(int epoch, float meanLoss, float validationCc);
    }

    private final StaNet net;
    private final DistillationSettings settings;
    private final long seed;
    private final Checkpoint checkpoint;
    private final DistillationBatches batches;
    private final MomentumSgd optimizer;
    private final Model model;
    private final Trainer trainer;
    private int epochsDone;

    /**
     * @param modelId identifies the net's architecture in the checkpoint's weights manifests
     * @throws InvalidOptionsException when the checkpoint was made with other settings (the epoch count aside)
     * @throws CorruptWeightsException when the checkpoint is damaged or belongs to another net
     */
    DistillationTrainer(StaNet net, String modelId, DistillationSettings settings, long seed, Path checkpointFolder,
                        Device device) {
        this.net = net;
        this.settings = settings;
        this.seed = seed;
        this.checkpoint = new Checkpoint(checkpointFolder, modelId);
        this.batches = new DistillationBatches(settings.inputSize());
        this.optimizer = new MomentumSgd(settings.learningRate(), settings.weightDecay());
        Engine.getInstance().setRandomSeed((int) seed);
        model = Model.newInstance(modelId, device);
        try {
            model.setBlock(net);
            Shape[] inputShapes = batches.inputShapes(settings.batchSize());
            // The checkpoint goes in before the DJL trainer exists: its parameter store keeps the arrays it first
            // sees, and loading replaces the parameters' arrays.
            net.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes);
            epochsDone = checkpoint.epochsDone();
            if (epochsDone > 0) {
                NDList velocities = checkpoint.load(settings.checkpointOptions(seed), net, model.getNDManager());
                optimizer.restore(net.getParameters().stream().toList(), velocities);
            }
            trainer = model.newTrainer(new DefaultTrainingConfig(net.loss()).optOptimizer(optimizer)
                    .optDevices(new Device[] {device}));
            trainer.initialize(inputShapes);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Epochs finished so far, including those of a resumed checkpoint. */
    int epochsDone() {
        return epochsDone;
    }

    /**
     * Runs the remaining epochs up to the settings' count, checkpointing after each.
     *
     * @throws UncheckedIOException     when a checkpoint cannot be written
     * @throws InvalidOptionsException when a step's loss is not finite: the learning rate is too high
     */
    void train(List<DistillationSample> training, List<DistillationSample> validation, Listener listener) {
        while (epochsDone < settings.epochs()) {
            int epoch = epochsDone + 1;
            float meanLoss = trainEpoch(epoch, training, listener);
            epochsDone = epoch;
            try (NDManager scratch = model.getNDManager().newSubManager()) {
                checkpoint.save(epoch, settings.checkpointOptions(seed), net,
                        optimizer.velocities(net.getParameters().stream().toList(), scratch));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint of epoch " + epoch + ": " + e.getMessage(),
                        e);
            }
            listener.epochFinished(epoch, meanLoss, validation.isEmpty() ? Float.NaN : meanCorrelation(validation));
        }
    }

    /**
     * The mean CC between the net's maps and the teacher's over {@code samples}; samples whose teacher map is
     * constant (no fixation to correlate with) are left out, and NaN is returned when none is left.
     */
    float meanCorrelation(List<DistillationSample> samples) {
        int pixels = settings.inputSize() * settings.inputSize();
        double sum = 0;
        int counted = 0;
        for (List<DistillationSample> batch : partition(samples)) {
            try (NDManager step = model.getNDManager().newSubManager()) {
                NDList outputs = net.forward(new ParameterStore(step, false), batches.inputs(batch, step), false);
                float[] predicted = Activation.sigmoid(outputs.get(0)).toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    double cc = MapCorrelation.of(predicted, i * pixels, batch.get(i).pseudoMap());
                    if (!Double.isNaN(cc)) {
                        sum += cc;
                        counted++;
                    }
                }
            }
        }
        return counted == 0 ? Float.NaN : (float) (sum / counted);
    }

    private float trainEpoch(int epoch, List<DistillationSample> training, Listener listener) {
        List<List<DistillationSample>> steps = partition(
                shuffled(training, new SplittableRandom(seed + epoch * EPOCH_SEED_STEP)));
        double lossSum = 0;
        for (int i = 0; i < steps.size(); i++) {
            float loss;
            try (NDManager step = model.getNDManager().newSubManager()) {
                loss = TrainingStep.run(trainer, batches.inputs(steps.get(i), step),
                        batches.labels(steps.get(i), step), step);
            }
            if (!Float.isFinite(loss)) {
                // Nothing trained after this point would mean anything; the checkpoint of the last epoch stays.
                throw new InvalidOptionsException("STANet distillation diverged at epoch " + epoch + ", step "
                        + (i + 1) + " (loss " + loss + "); train again with a lower lr");
            }
            lossSum += loss;
            listener.stepFinished(epoch, i + 1, steps.size(), loss);
        }
        return (float) (lossSum / steps.size());
    }

    private List<List<DistillationSample>> partition(List<DistillationSample> samples) {
        List<List<DistillationSample>> parts = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += settings.batchSize()) {
            parts.add(samples.subList(from, Math.min(samples.size(), from + settings.batchSize())));
        }
        return parts;
    }

    private static List<DistillationSample> shuffled(List<DistillationSample> samples, SplittableRandom random) {
        List<DistillationSample> order = new ArrayList<>(samples);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return order;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
