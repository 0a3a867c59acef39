package io.fixate.spi.djl.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.fixate.api.TrainingDivergedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/**
 * The resumable epoch loop the providers' trainers share: seeded initialisation, {@link MomentumSgd}, per epoch a
 * shuffle (and whatever augmentation the caller draws) from a random source seeded by (seed, epoch) alone, one
 * {@link TrainingStep} per batch in a sub-manager closed at its end, and a {@link Checkpoint} after every epoch.
 *
 * <p>A trainer constructed on a folder that holds a checkpoint loads its weights and momentum buffers and continues
 * after its last finished epoch; since every epoch's random choices depend only on (seed, epoch), the resumed run
 * sees the same batches as an uninterrupted one and ends bit-identical. A step whose loss is not finite stops the run
 * with a {@link TrainingDivergedException}, and so do {@value #MAX_SKIPPED_STEPS} steps in a row whose gradients were
 * not finite (a single one is skipped, {@link TrainingStep}); the last checkpoint stays. Not thread-safe; close it to release the
 * model's native memory.
 *
 * @param <S> the training sample type
 */
public final class EpochTrainer<S> implements AutoCloseable {

    /** Steps in a row whose gradients were not finite (and so not applied) after which the run counts as diverged. */
    private static final int MAX_SKIPPED_STEPS = 10;
    /** Odd constant (2^64 / golden ratio) that spreads consecutive epochs over unrelated seeds. */
    private static final long EPOCH_SEED_STEP = 0x9E3779B97F4A7C15L;

    /** How batches of samples become a net's inputs and labels, owned by the given per-step manager. */
    public interface Batching<S> {

        NDList inputs(List<S> batch, NDManager manager);

        NDArray labels(List<S> batch, NDManager manager);
    }

    /** Progress of the epochs, for example to draw a progress bar; epochs and steps count from 1. */
    public interface Listener {

        /** A listener that ignores everything. */
        Listener NONE = new Listener() {
        };

        /** After optimisation step {@code step} of {@code steps} in {@code epoch}, with that batch's loss. */
        default void stepFinished(int epoch, int step, int steps, float loss) {
        }

        /**
         * After {@code epoch} and its checkpoint, with the mean training loss of its steps and the trainer's
         * validation score (NaN when it has no validation samples).
         */
        default void epochFinished(int epoch, float meanLoss, float validationScore) {
        }
    }

    /**
     * What to train and how.
     *
     * @param modelId           identifies the architecture in the checkpoint's weights manifests and in messages
     * @param block             the net, fresh and uninitialised
     * @param inputShapes       the shapes of one training batch's inputs, to initialise the net with
     * @param learningRate      the SGD step size of each epoch, epochs counted from 1
     * @param checkpointOptions everything besides the epoch count that a resumed run must share with the first one
     * @param startingWeights   puts pretrained weights into the initialised net when a run starts afresh (a resumed
     *                          run has them in its checkpoint)
     */
    public record Setup(String modelId, Block block, Loss loss, Shape[] inputShapes, int batchSize,
                        IntToDoubleFunction learningRate, float weightDecay, long seed,
                        Map<String, String> checkpointOptions, Consumer<NDManager> startingWeights) {

        /** A net that starts from its initialiser's random weights. */
        public Setup(String modelId, Block block, Loss loss, Shape[] inputShapes, int batchSize,
                     IntToDoubleFunction learningRate, float weightDecay, long seed,
                     Map<String, String> checkpointOptions) {
            this(modelId, block, loss, inputShapes, batchSize, learningRate, weightDecay, seed, checkpointOptions,
                    manager -> { });
        }
    }

    private final Setup setup;
    private final Checkpoint checkpoint;
    private final MomentumSgd optimizer;
    private final Model model;
    private final Trainer trainer;
    private int epochsDone;

    /**
     * @throws io.fixate.api.InvalidOptionsException when the checkpoint was made with other options
     * @throws io.fixate.api.CorruptWeightsException when the checkpoint is damaged or belongs to another net
     */
    public EpochTrainer(Setup setup, Path checkpointFolder, Device device) {
        this.setup = setup;
        this.checkpoint = new Checkpoint(checkpointFolder, setup.modelId());
        this.optimizer = new MomentumSgd((float) setup.learningRate().applyAsDouble(1), setup.weightDecay());
        Engine.getInstance().setRandomSeed((int) setup.seed());
        model = Model.newInstance(setup.modelId(), device);
        try {
            model.setBlock(setup.block());
            // The checkpoint goes in before the DJL trainer exists: its parameter store keeps the arrays it first
            // sees, and loading replaces the parameters' arrays.
            setup.block().initialize(model.getNDManager(), DataType.FLOAT32, setup.inputShapes());
            epochsDone = checkpoint.epochsDone();
            if (epochsDone > 0) {
                NDList velocities = checkpoint.load(setup.checkpointOptions(), setup.block(), model.getNDManager());
                optimizer.restore(setup.block().getParameters().stream().toList(), velocities);
            } else {
                setup.startingWeights().accept(model.getNDManager());
            }
            trainer = model.newTrainer(new DefaultTrainingConfig(setup.loss()).optOptimizer(optimizer)
                    .optDevices(new Device[] {device}));
            trainer.initialize(setup.inputShapes());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Epochs finished so far, including those of a resumed checkpoint. */
    public int epochsDone() {
        return epochsDone;
    }

    /** The manager of the net's parameters, for evaluation in its sub-managers. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /**
     * Runs the remaining epochs up to {@code epochs}, checkpointing after each.
     *
     * @param training        the training samples, at least one
     * @param batchingOfEpoch the batching of an epoch, given the epoch's random source after its shuffle (for
     *                        seeded augmentation)
     * @param validationScore measures the net after each epoch's checkpoint; NaN when there is nothing to measure on
     * @throws UncheckedIOException       when a checkpoint cannot be written
     * @throws TrainingDivergedException when a step's loss is not finite
     */
    public void train(int epochs, List<S> training, Function<SplittableRandom, Batching<S>> batchingOfEpoch,
                      DoubleSupplier validationScore, Listener listener) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one sample");
        }
        while (epochsDone < epochs) {
            int epoch = epochsDone + 1;
            float meanLoss = trainEpoch(epoch, training, batchingOfEpoch, listener);
            epochsDone = epoch;
            try (NDManager scratch = model.getNDManager().newSubManager()) {
                checkpoint.save(epoch, setup.checkpointOptions(), setup.block(),
                        optimizer.velocities(setup.block().getParameters().stream().toList(), scratch));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint of epoch " + epoch + ": " + e.getMessage(),
                        e);
            }
            listener.epochFinished(epoch, meanLoss, (float) validationScore.getAsDouble());
        }
    }

    /** {@code samples} in consecutive batches of {@code batchSize}, the last one possibly shorter. */
    public static <T> List<List<T>> partition(List<T> samples, int batchSize) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += batchSize) {
            batches.add(samples.subList(from, Math.min(samples.size(), from + batchSize)));
        }
        return batches;
    }

    private float trainEpoch(int epoch, List<S> training, Function<SplittableRandom, Batching<S>> batchingOfEpoch,
                             Listener listener) {
        optimizer.setLearningRate((float) setup.learningRate().applyAsDouble(epoch));
        SplittableRandom random = new SplittableRandom(setup.seed() + epoch * EPOCH_SEED_STEP);
        List<List<S>> steps = partition(shuffled(training, random), setup.batchSize());
        Batching<S> batching = batchingOfEpoch.apply(random);
        double lossSum = 0;
        int skippedInARow = 0;
        for (int i = 0; i < steps.size(); i++) {
            TrainingStep.Outcome outcome;
            try (NDManager step = model.getNDManager().newSubManager()) {
                outcome = TrainingStep.run(trainer, batching.inputs(steps.get(i), step),
                        batching.labels(steps.get(i), step), step);
            }
            float loss = outcome.loss();
            if (!Float.isFinite(loss)) {
                throw new TrainingDivergedException(setup.modelId() + " diverged at epoch " + epoch + ", step "
                        + (i + 1) + " (loss " + loss + "); train again with a lower learning rate");
            }
            skippedInARow = outcome.applied() ? 0 : skippedInARow + 1;
            if (skippedInARow == MAX_SKIPPED_STEPS) {
                throw new TrainingDivergedException(setup.modelId() + " had gradients that were not finite in "
                        + MAX_SKIPPED_STEPS + " steps in a row at epoch " + epoch + ", step " + (i + 1)
                        + "; train again with a lower learning rate");
            }
            lossSum += loss;
            listener.stepFinished(epoch, i + 1, steps.size(), loss);
        }
        return (float) (lossSum / steps.size());
    }

    private static <T> List<T> shuffled(List<T> samples, SplittableRandom random) {
        List<T> order = new ArrayList<>(samples);
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
