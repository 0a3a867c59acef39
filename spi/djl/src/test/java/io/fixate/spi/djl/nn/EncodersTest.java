package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.fixate.api.InvalidOptionsException;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.FrameNormalisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class EncodersTest {

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownNames() {
        InvalidOptionsException visual = assertThrows(InvalidOptionsException.class,
                () -> Encoders.visual("resnext101"));
        InvalidOptionsException audio = assertThrows(InvalidOptionsException.class, () -> Encoders.audio("vggish"));

        assertTrue(visual.getMessage().contains("'resnext101'") && visual.getMessage().contains("compact"),
                visual.getMessage());
        assertTrue(audio.getMessage().contains("'vggish'") && audio.getMessage().contains("compact"),
                audio.getMessage());
        assertEquals(List.of("compact", "mobilenet-v2"), Encoders.visualNames());
        assertEquals(List.of("compact", "yamnet"), Encoders.audioNames());
    }

    @Test
    void trainingRefusesTheAudioEncodersWhoseInputItDoesNotFeed() {
        Encoders.requireReferenceAudio(Encoders.COMPACT);
        InvalidOptionsException audio = assertThrows(InvalidOptionsException.class,
                () -> Encoders.requireReferenceAudio(YamNet.NAME));

        assertTrue(audio.getMessage().contains("'yamnet' takes WAVEFORM"), audio.getMessage());
    }

    @Test
    void everyLookupBuildsAFreshBlockBecauseABlockBelongsToOneNet() {
        assertNotSame(Encoders.visual("compact").block(), Encoders.visual("compact").block());
        assertNotSame(Encoders.audio("compact").block(), Encoders.audio("compact").block());
    }

    @Test
    void compactVisualEncoderDeliversItsDeclaredChannelsAtItsDeclaredStride() {
        VisualEncoder encoder = Encoders.visual("compact");
        Shape frames = new Shape(1, 3, 40, 24);
        encoder.block().initialize(manager, DataType.FLOAT32, frames);
        Shape features = forward(encoder.block(), manager.randomUniform(0, 1, frames)).getShape();

        assertEquals(new Shape(1, encoder.channels(), 40 / encoder.stride(), 24 / encoder.stride()), features);
    }

    @Test
    void compactVisualEncoderExposesItsThreeStagesAndTheDeepestIsTheBlockOutput() {
        VisualEncoder encoder = Encoders.visual("compact");
        assertEquals(List.of(new VisualEncoder.Depth(32, 2), new VisualEncoder.Depth(64, 4),
                new VisualEncoder.Depth(96, 8)), encoder.depths());
        assertEquals(96, encoder.channels());
        assertEquals(8, encoder.stride());
        encoder.block().initialize(manager, DataType.FLOAT32, new Shape(2, 3, 40, 24));

        for (Shape frames : new Shape[] {new Shape(2, 3, 40, 24), new Shape(1, 3, 37, 23)}) {
            NDArray input = manager.randomUniform(0, 1, frames);
            NDList stages = encoder.stageOutputs(new ParameterStore(manager, false), input, false);

            assertEquals(3, stages.size());
            for (int depth = 0; depth < 3; depth++) {
                assertEquals(encoder.depths().get(depth).mapShape(frames), stages.get(depth).getShape());
            }
            assertArrayEquals(forward(encoder.block(), input).toFloatArray(), stages.get(2).toFloatArray(), 0f);
        }
    }

    @Test
    void mobileNetV2ExposesStrides8To32OnAnySizeAndTakesSignedFrames() {
        VisualEncoder encoder = Encoders.visual(MobileNetV2.NAME);
        assertEquals(List.of(new VisualEncoder.Depth(32, 8), new VisualEncoder.Depth(96, 16),
                new VisualEncoder.Depth(320, 32)), encoder.depths());
        assertEquals(FrameNormalisation.SIGNED_UNIT, encoder.input());
        encoder.block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 48));

        // odd sizes too: TensorFlow's SAME padding gives ⌈size/stride⌉ like the declared depths
        for (Shape frames : new Shape[] {new Shape(1, 3, 64, 48), new Shape(2, 3, 45, 33)}) {
            NDArray input = manager.randomUniform(-1, 1, frames);
            NDList stages = encoder.stageOutputs(new ParameterStore(manager, false), input, false);

            for (int depth = 0; depth < 3; depth++) {
                assertEquals(encoder.depths().get(depth).mapShape(frames), stages.get(depth).getShape());
            }
            assertArrayEquals(forward(encoder.block(), input).toFloatArray(), stages.get(2).toFloatArray(), 0f);
        }
    }

    @Test
    void yamNetTakesRawSecondsOfSamplesAndGivesItsEmbedding() {
        AudioEncoder encoder = Encoders.audio(YamNet.NAME);
        assertEquals(AudioEncoder.Input.WAVEFORM, encoder.input());
        assertEquals(15_600, encoder.requirement().windowSamples());
        assertEquals(16_000, encoder.requirement().sampleRate());
        assertFalse(encoder.requirement().hannWeighted());
        Shape samples = new Shape(2, encoder.requirement().windowSamples());
        encoder.block().initialize(manager, DataType.FLOAT32, samples);

        NDArray embedding = forward(encoder.block(), manager.randomUniform(-0.5f, 0.5f, samples));

        assertEquals(new Shape(2, encoder.embeddingSize()), embedding.getShape());
    }

    @Test
    void anEncoderBuiltFromChannelsAndStrideHasOneDepthThatIsItsBlockOutput() {
        Block block = Layers.conv3x3(5, 2);
        VisualEncoder encoder = new VisualEncoder("single", block, 5, 2);
        Shape frames = new Shape(1, 3, 9, 6);
        block.initialize(manager, DataType.FLOAT32, frames);
        NDArray input = manager.randomUniform(0, 1, frames);

        NDList stages = encoder.stageOutputs(new ParameterStore(manager, false), input, false);

        assertEquals(List.of(new VisualEncoder.Depth(5, 2)), encoder.depths());
        assertEquals(new Shape(1, 5, 5, 3), stages.singletonOrThrow().getShape());
        assertArrayEquals(forward(block, input).toFloatArray(), stages.singletonOrThrow().toFloatArray(), 0f);
    }

    @Test
    void compactAudioEncoderEmbedsASpectrogramOfAnyLength() {
        AudioEncoder encoder = Encoders.audio("compact");
        encoder.block().initialize(manager, DataType.FLOAT32, new Shape(2, 1, 257, 48));
        for (int frames : new int[] {48, 20}) {
            Shape embedding = forward(encoder.block(), manager.randomNormal(new Shape(2, 1, 257, frames))).getShape();
            assertEquals(new Shape(2, encoder.embeddingSize()), embedding);
        }
    }

    private NDArray forward(Block block, NDArray input) {
        return block.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
    }
}
