package io.fixate.provider.scam.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.Checkpoint;
import io.fixate.spi.djl.training.EpochTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Net S learns the colour of a square; one uninterrupted run is shared by the tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetTrainerTest {

    private static final TrainingOptions OPTIONS = new TrainingOptions(4, 4, 0.05f, 5e-4f, 32, 36, 11);
    private static final List<TrainingSample> TRAINING = ColourSquares.samples(24, 1);
    private static final List<TrainingSample> VALIDATION = ColourSquares.samples(12, 2);

    private Path folder;

    private final List<Float> epochLosses = new ArrayList<>();
    private final List<Float> accuracies = new ArrayList<>();
    private int steps;
    private float[] finalConfidences;

    @BeforeAll
    void trainWithoutInterruption(@TempDir Path checkpoints) {
        folder = checkpoints;
        EpochTrainer.Listener recorder = new EpochTrainer.Listener() {
            @Override
            public void stepFinished(int epoch, int step, int stepsInEpoch, float loss) {
                steps++;
            }

            @Override
            public void epochFinished(int epoch, float meanLoss, float validationAccuracy) {
                epochLosses.add(meanLoss);
                accuracies.add(validationAccuracy);
            }
        };
        try (NetTrainer trainer = trainer(folder.resolve("uninterrupted"))) {
            trainer.train(TRAINING, VALIDATION, recorder);
            finalConfidences = scores(trainer);
        }
    }

    @Test
    void theNetLearnsTheTaskAndReportsEveryStepAndEpoch() {
        assertEquals(4 * 6, steps);
        assertEquals(4, epochLosses.size());
        assertTrue(epochLosses.get(3) < 0.85f * epochLosses.get(0), "epoch losses " + epochLosses + " accuracies " + accuracies);
        assertTrue(accuracies.get(3) >= 0.75f, "validation accuracies " + accuracies + " (chance 1/3)");
    }

    @Test
    void aResumedRunEndsWhereTheUninterruptedOneDoes() {
        Path interrupted = folder.resolve("interrupted");
        float[] atTwo;
        class Interruption extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        try (NetTrainer first = trainer(interrupted)) {
            assertThrows(Interruption.class, () -> first.train(TRAINING, VALIDATION, new EpochTrainer.Listener() {
                @Override
                public void epochFinished(int epoch, float meanLoss, float validationAccuracy) {
                    if (epoch == 2) {
                        throw new Interruption();
                    }
                }
            }));
            atTwo = scores(first);
        }
        try (NetTrainer resumed = trainer(interrupted)) {
            assertArrayEquals(atTwo, scores(resumed), 1e-6f, "the resumed net starts from the checkpoint");
            assertEquals(2, resumed.epochsDone());
            List<Integer> epochs = new ArrayList<>();
            List<Float> losses = new ArrayList<>();
            resumed.train(TRAINING, VALIDATION, new EpochTrainer.Listener() {
                @Override
                public void epochFinished(int epoch, float meanLoss, float validationAccuracy) {
                    epochs.add(epoch);
                    losses.add(meanLoss);
                }
            });
            assertEquals(List.of(3, 4), epochs);
            assertArrayEquals(new float[] {epochLosses.get(2), epochLosses.get(3)},
                    new float[] {losses.get(0), losses.get(1)}, 1e-6f, "the resumed epochs' losses");
            assertArrayEquals(finalConfidences, scores(resumed), 1e-6f, "the resumed run's end");
        }
    }

    @Test
    void aDamagedCheckpointIsRefused() throws IOException {
        Path damaged = folder.resolve("damaged");
        try (NetTrainer trainer = trainer(damaged, OPTIONS.withEpochs(1))) {
            trainer.train(TRAINING.subList(0, 4), List.of(), EpochTrainer.Listener.NONE);
        }
        Path weights = damaged.resolve("weights-epoch0001.params");
        DamagedWeights.flipMiddleByte(weights, 0x01);

        CorruptWeightsException refused = assertThrows(CorruptWeightsException.class, () -> trainer(damaged));
        assertTrue(refused.getMessage().contains(weights.toString()), refused.getMessage());
        assertTrue(Files.exists(WeightsFile.manifestOf(weights)));
    }

    @Test
    void aDivergingRunStopsNamingTheNetAndWritesNoCheckpointForTheFailedEpoch() {
        Path diverging = folder.resolve("diverging");
        TrainingOptions farTooFast = new TrainingOptions(1, 4, 1e8f, 5e-4f, 32, 36, 11);
        try (NetTrainer trainer = trainer(diverging, farTooFast)) {
            TrainingDivergedException stopped = assertThrows(TrainingDivergedException.class,
                    () -> trainer.train(TRAINING, VALIDATION, EpochTrainer.Listener.NONE));
            assertTrue(stopped.getMessage().startsWith("scam/SNet/") && stopped.getMessage().contains("epoch 1"),
                    stopped.getMessage());
            assertEquals(0, trainer.epochsDone());
        }
        assertFalse(Files.exists(diverging.resolve(Checkpoint.STATE_FILE)));
    }

    @Test
    void aCheckpointOfOtherOptionsIsNotResumed() {
        Path uninterrupted = folder.resolve("uninterrupted");
        TrainingOptions otherSeed = new TrainingOptions(5, 4, 0.05f, 5e-4f, 32, 36, 12);
        assertThrows(InvalidOptionsException.class, () -> trainer(uninterrupted, otherSeed));
    }

    private static NetTrainer trainer(Path checkpoints) {
        return trainer(checkpoints, OPTIONS);
    }

    private static NetTrainer trainer(Path checkpoints, TrainingOptions options) {
        return new NetTrainer(new SNet(Encoders.visual(Encoders.COMPACT), ColourSquares.CLASSES), options,
                checkpoints, Device.cpu());
    }

    private static float[] scores(NetTrainer trainer) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return trainer.scores(VALIDATION, manager).toFloatArray();
        }
    }
}
