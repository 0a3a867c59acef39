package io.fixate.provider.scam.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(NdManagerExtension.class)
class NetShapesTest {

    private static final int CLASSES = 5;

    @ParameterizedTest
    @CsvSource({"2, 48", "3, 24"})
    void theAudioClassifierGivesOneLogitPerClassForAnySpectrogramLength(int batch, int segments,
                                                                         NDManager manager) {
        AudioClassifier classifier = new AudioClassifier(Encoders.audio(Encoders.COMPACT), CLASSES);
        Shape spectrograms = new Shape(batch, 1, 257, segments);
        classifier.initialize(manager, DataType.FLOAT32, spectrograms);

        NDArray logits = infer(classifier, manager, manager.randomNormal(spectrograms)).singletonOrThrow();

        assertEquals(new Shape(batch, CLASSES), logits.getShape());
        assertEquals(logits.getShape(), classifier.getOutputShapes(new Shape[] {spectrograms})[0]);
    }

    @ParameterizedTest
    @CsvSource({"2, 32, 32, 48", "3, 44, 36, 24"})
    void theSwitchGivesTwoLogitsPerSampleForAnyFrameSize(int batch, int height, int width, int segments,
                                                         NDManager manager) {
        SoundSwitch soundSwitch = new SoundSwitch(Encoders.visual(Encoders.COMPACT),
                Encoders.audio(Encoders.COMPACT));
        Shape frames = new Shape(batch, 3, height, width);
        Shape spectrograms = new Shape(batch, 1, 257, segments);
        soundSwitch.initialize(manager, DataType.FLOAT32, frames, spectrograms);

        NDArray logits = infer(soundSwitch, manager, manager.randomUniform(0, 1, frames),
                manager.randomNormal(spectrograms)).singletonOrThrow();

        assertEquals(new Shape(batch, 2), logits.getShape());
        assertEquals(logits.getShape(), soundSwitch.getOutputShapes(new Shape[] {frames, spectrograms})[0]);
        Shape bilinearWeight = soundSwitch.getParameters().stream()
                .filter(parameter -> parameter.getKey().endsWith("bilinear_weight")).findFirst().orElseThrow()
                .getValue().getArray().getShape();
        assertEquals(new Shape(SoundSwitch.EMBEDDING_SIZE, SoundSwitch.EMBEDDING_SIZE, SoundSwitch.EMBEDDING_SIZE),
                bilinearWeight);
    }

    @Test
    void theGateReadsOnlyTheRelevantLogitAndBroadcastsOverMasks(NDManager manager) {
        NDArray logits = manager.create(new float[] {
                5, -1, // argmax says relevant=0, logit₁ ≤ 0: off
                9, 0.5f, // argmax says 0, but logit₁ > 0: on
                -3, 0, // logit₁ = 0: off
        }, new Shape(3, 2));

        NDArray gate = SoundSwitch.gate(logits);

        assertEquals(new Shape(3, 1, 1, 1), gate.getShape());
        assertArrayEquals(new float[] {0, 1, 0}, gate.toFloatArray());
        assertEquals(new Shape(3, 1, 4, 4), manager.ones(new Shape(3, 1, 4, 4)).mul(gate).getShape());
    }

    @Test
    void aClassifierNeedsTwoClasses() {
        assertThrows(IllegalArgumentException.class, () -> new AudioClassifier(Encoders.audio(Encoders.COMPACT), 1));
    }

    private static NDList infer(ai.djl.nn.Block net, NDManager manager, NDArray... inputs) {
        return net.forward(new ParameterStore(manager, false), new NDList(inputs), false);
    }
}
