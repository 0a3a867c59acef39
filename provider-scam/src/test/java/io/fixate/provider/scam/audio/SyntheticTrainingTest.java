package io.fixate.provider.scam.audio;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A few SGD steps on tiny synthetic tasks lower each net's loss; trained weights survive a {@link WeightsFile}. */
@ExtendWith(NdManagerExtension.class)
class SyntheticTrainingTest {

    private static final int FRAME_SIZE = 32;
    private static final float CLASSIFIER_LEARNING_RATE = 0.05f;
    /** Lower: the 128³ bilinear layer makes the switch's first steps jumpy. */
    private static final float SWITCH_LEARNING_RATE = 0.005f;
    private static final int STEPS = 12;
    private static final double[] PITCHES_HZ = {440, 1500, 4000};
    private static final int TONE_STEPS = 30;
    /**
     * Well under the loss of a classifier that tells one pitch apart but confuses the other two, 2/3 · ln 2 ≈ 0.46,
     * where an encoder that pools frequency away stalls.
     */
    private static final float TONE_LOSS_BOUND = 0.1f;
    private static final long SEED = 5;

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    @Test
    void theClassifierLearnsTheKindOfSound(@TempDir Path folder) throws IOException {
        int[] kinds = {0, 1, 2, 0, 1, 2};
        NDArray spectrograms = Synthetic.sounds(manager, kinds, SEED);
        NDArray labels = Synthetic.oneHot(manager, kinds, Synthetic.KINDS);
        AudioClassifier classifier = new AudioClassifier(Encoders.audio(Encoders.COMPACT), Synthetic.KINDS);

        try (SgdSteps trainer = new SgdSteps(classifier, classifier.loss(), CLASSIFIER_LEARNING_RATE, SEED, Device.cpu(),
                spectrograms.getShape())) {
            assertLossFalls(trainer, new NDList(spectrograms), labels);
            AudioClassifier reloaded = new AudioClassifier(Encoders.audio(Encoders.COMPACT), Synthetic.KINDS);
            reloaded.initialize(manager, DataType.FLOAT32, spectrograms.getShape());
            assertRoundTrip(classifier, reloaded, folder.resolve("classifier.params"), spectrograms);
        }
    }

    @Test
    void theClassifierTellsPureTonesOfDifferentPitchApart() {
        int[] pitchIndices = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        double[] pitches = Arrays.stream(pitchIndices).mapToDouble(i -> PITCHES_HZ[i]).toArray();
        NDArray training = Synthetic.tones(manager, pitches, SEED);
        NDArray heldOut = Synthetic.tones(manager, pitches, SEED + 1);
        NDArray labels = Synthetic.oneHot(manager, pitchIndices, PITCHES_HZ.length);
        AudioClassifier classifier = new AudioClassifier(Encoders.audio(Encoders.COMPACT), PITCHES_HZ.length);

        try (SgdSteps trainer = new SgdSteps(classifier, classifier.loss(), CLASSIFIER_LEARNING_RATE, SEED,
                Device.cpu(), training.getShape())) {
            float[] losses = new float[TONE_STEPS];
            for (int i = 0; i < TONE_STEPS; i++) {
                losses[i] = trainer.step(new NDList(training), labels);
            }

            String history = "losses " + Arrays.toString(losses);
            assertTrue(losses[TONE_STEPS - 1] < TONE_LOSS_BOUND, history);
            assertArrayEquals(pitchIndices, predictedClasses(classifier, training), history);
            // Other phases and amplitudes: the pitch was learnt, not the nine training sounds.
            assertArrayEquals(pitchIndices, predictedClasses(classifier, heldOut), history);
        }
    }

    @Test
    void theSwitchLearnsWhichSoundGoesWithWhichColour(@TempDir Path folder) throws IOException {
        // Every (colour, sound) pair: relevant when the indices match, 3 of 9.
        int[] colours = new int[9];
        int[] sounds = new int[9];
        int[] relevant = new int[9];
        for (int i = 0; i < 9; i++) {
            colours[i] = i / Synthetic.KINDS;
            sounds[i] = i % Synthetic.KINDS;
            relevant[i] = SwitchLabels.label(sounds[i], colours[i]);
        }
        NDArray frames = Synthetic.colours(manager, colours, FRAME_SIZE);
        NDArray spectrograms = Synthetic.sounds(manager, sounds, SEED);
        NDArray labels = Synthetic.oneHot(manager, relevant, 2);
        SoundSwitch soundSwitch = new SoundSwitch(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT));

        try (SgdSteps trainer = new SgdSteps(soundSwitch, soundSwitch.loss(), SWITCH_LEARNING_RATE, SEED,
                Device.cpu(), frames.getShape(), spectrograms.getShape())) {
            assertLossFalls(trainer, new NDList(frames, spectrograms), labels);
            SoundSwitch reloaded = new SoundSwitch(Encoders.visual(Encoders.COMPACT),
                    Encoders.audio(Encoders.COMPACT));
            reloaded.initialize(manager, DataType.FLOAT32, frames.getShape(), spectrograms.getShape());
            assertRoundTrip(soundSwitch, reloaded, folder.resolve("switch.params"), frames, spectrograms);
        }
    }

    private static void assertLossFalls(SgdSteps trainer, NDList inputs, NDArray labels) {
        float[] losses = new float[STEPS];
        for (int i = 0; i < STEPS; i++) {
            losses[i] = trainer.step(inputs, labels);
        }
        assertTrue(losses[STEPS - 1] < 0.25f * losses[0], "losses " + Arrays.toString(losses));
    }

    private int[] predictedClasses(AudioClassifier classifier, NDArray spectrograms) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray logits = classifier.forward(new ParameterStore(scratch, false), new NDList(spectrograms), false)
                    .singletonOrThrow();
            return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    private void assertRoundTrip(Block trained, Block fresh, Path weights, NDArray... inputs) throws IOException {
        WeightsFile.save(trained, weights, "test/" + trained.getClass().getSimpleName());
        WeightsFile.load(fresh, manager, weights, "test/" + trained.getClass().getSimpleName());

        assertArrayEquals(infer(trained, inputs), infer(fresh, inputs), 1e-5f);
    }

    private float[] infer(Block net, NDArray... inputs) {
        try (NDManager scratch = manager.newSubManager()) {
            return net.forward(new ParameterStore(scratch, false), new NDList(inputs), false).singletonOrThrow()
                    .toFloatArray();
        }
    }
}
