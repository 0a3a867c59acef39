package io.fixate.provider.scam.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.scam.nets.InputKind;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.Checkpoint;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.MomentumSgd;
import io.fixate.spi.djl.TrainingStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains one {@link TrainableNet} (a SCAM net, the audio classifier or the sound switch) on {@link TrainingSample}s:
 * seeded initialisation, per-epoch shuffling and augmentation ({@link FramePreprocessor#augmenting}), {@link
 * MomentumSgd} on the net's own loss, then the top-1 accuracy on the validation samples (argmax of the net's
 * {@linkplain TrainableNet#scores scores} against the tag) and a {@link Checkpoint} in the checkpoint folder after
 * every epoch.
 *
 * <p>Resuming: a trainer constructed on a folder that holds a checkpoint loads its weights and momentum buffers and
 * continues after its last finished epoch. Each epoch's shuffle and augmentation draw from a random source seeded by
 * (seed, epoch) alone, so a resumed run sees the same batches as an uninterrupted one.
 *
 * <p>Every step's tensors live in a sub-manager closed at the end of the step. One trainer per net; not
 * thread-safe. Close it to release the model's native memory.
 */
public final class NetTrainer implements AutoCloseable {

    /** Odd constant (2^64 / golden ratio) that spreads consecutive epochs over unrelated seeds. */
    private static final long EPOCH_SEED_STEP = 0x9E3779B97F4A7C15L;

    private final TrainableNet net;
    private final TrainingOptions options;
    private final Checkpoint checkpoint;
    private final InputKind kind;
    private final Model model;
    private final Trainer trainer;
    private final MomentumSgd optimizer;
    private int epochsDone;

    /**
     * A trainer for {@code net}, a fresh (uninitialised) block, on {@code device}, resuming from the checkpoint in
     * {@code checkpointFolder} when there is one.
     *
     * @throws InvalidOptionsException when the checkpoint was made with other options (the epoch count aside)
     * @throws CorruptWeightsException when the checkpoint is damaged or belongs to another net
     */
    public NetTrainer(TrainableNet net, TrainingOptions options, Path checkpointFolder, Device device) {
        this.net = Objects.requireNonNull(net, "net");
        this.options = Objects.requireNonNull(options, "options");
        this.kind = net.input();
        this.checkpoint = new Checkpoint(checkpointFolder, net.architectureId());
        this.optimizer = new MomentumSgd(options.learningRate(), options.weightDecay());
        Engine.getInstance().setRandomSeed((int) options.seed());
        model = Model.newInstance(net.architectureId(), device);
        try {
            model.setBlock(net.block());
            Shape[] inputShapes = batches(FramePreprocessor.evaluation(options.inputSize()))
                    .inputShapes(options.batchSize());
            // The checkpoint goes in before the DJL trainer exists: its parameter store keeps the arrays it first
            // sees, and loading replaces the parameters' arrays.
            net.block().initialize(model.getNDManager(), DataType.FLOAT32, inputShapes);
            epochsDone = checkpoint.epochsDone();
            if (epochsDone > 0) {
                NDList velocities = checkpoint.load(options.checkpointOptions(), net.block(), model.getNDManager());
                optimizer.restore(net.block().getParameters().stream().toList(), velocities);
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
    public int epochsDone() {
        return epochsDone;
    }

    /**
     * Runs the remaining epochs up to {@link TrainingOptions#epochs()}, checkpointing after each.
     *
     * @param training   the training samples, at least one
     * @param validation the samples to measure accuracy on after each epoch; may be empty
     * @throws UncheckedIOException       when a checkpoint cannot be written
     * @throws TrainingDivergedException when a step's loss is not finite
     */
    public void train(List<TrainingSample> training, List<TrainingSample> validation, TrainingListener listener) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one sample");
        }
        while (epochsDone < options.epochs()) {
            int epoch = epochsDone + 1;
            float meanLoss = trainEpoch(epoch, training, listener);
            epochsDone = epoch;
            try {
                try (NDManager scratch = model.getNDManager().newSubManager()) {
                    checkpoint.save(epoch, options.checkpointOptions(), net.block(),
                            optimizer.velocities(net.block().getParameters().stream().toList(), scratch));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint of epoch " + epoch + ": " + e.getMessage(),
                        e);
            }
            listener.epochFinished(epoch, meanLoss, validation.isEmpty() ? Float.NaN : accuracy(validation));
        }
    }

    /** Top-1 accuracy of the net on {@code samples}: the share whose highest-scoring class is their tag. */
    public float accuracy(List<TrainingSample> samples) {
        Batches batches = batches(FramePreprocessor.evaluation(options.inputSize()));
        int correct = 0;
        for (List<TrainingSample> batch : partition(samples)) {
            try (NDManager step = model.getNDManager().newSubManager()) {
                NDList outputs = net.block().forward(new ParameterStore(step, false), batches.inputs(batch, step),
                        false);
                long[] predicted = net.scores(outputs).argMax(1).toLongArray();
                for (int i = 0; i < batch.size(); i++) {
                    correct += predicted[i] == batch.get(i).tag() ? 1 : 0;
                }
            }
        }
        return (float) correct / samples.size();
    }

    /** The scores (B, classes) of {@code samples} without augmentation, owned by {@code manager}. */
    public NDArray scores(List<TrainingSample> samples, NDManager manager) {
        Batches batches = batches(FramePreprocessor.evaluation(options.inputSize()));
        NDList outputs = net.block().forward(new ParameterStore(manager, false), batches.inputs(samples, manager),
                false);
        return net.scores(outputs);
    }

    private float trainEpoch(int epoch, List<TrainingSample> training, TrainingListener listener) {
        SplittableRandom random = new SplittableRandom(options.seed() + epoch * EPOCH_SEED_STEP);
        List<TrainingSample> shuffled = shuffled(training, random);
        Batches batches = batches(FramePreprocessor.augmenting(options.inputSize(), options.resizeSize(),
                random.nextLong()));
        List<List<TrainingSample>> steps = partition(shuffled);
        double lossSum = 0;
        for (int i = 0; i < steps.size(); i++) {
            float loss = step(batches, steps.get(i));
            if (!Float.isFinite(loss)) {
                // Nothing trained after this point would mean anything; the checkpoint of the last epoch stays.
                throw new TrainingDivergedException(net.architectureId() + " diverged at epoch " + epoch + ", step "
                        + (i + 1) + " (loss " + loss + "); train again with a lower learning rate");
            }
            lossSum += loss;
            listener.stepFinished(epoch, i + 1, steps.size(), loss);
        }
        return (float) (lossSum / steps.size());
    }

    private float step(Batches batches, List<TrainingSample> batch) {
        try (NDManager step = model.getNDManager().newSubManager()) {
            NDList inputs = batches.inputs(batch, step);
            NDArray labels = batches.labels(batch, step);
            return TrainingStep.run(trainer, inputs, labels, step);
        }
    }

    private Batches batches(FramePreprocessor frames) {
        return new Batches(kind, frames, new AudioSpectrogram(), net.classes());
    }

    private List<List<TrainingSample>> partition(List<TrainingSample> samples) {
        List<List<TrainingSample>> batches = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += options.batchSize()) {
            batches.add(samples.subList(from, Math.min(samples.size(), from + options.batchSize())));
        }
        return batches;
    }

    private static List<TrainingSample> shuffled(List<TrainingSample> samples, SplittableRandom random) {
        List<TrainingSample> order = new ArrayList<>(samples);
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
