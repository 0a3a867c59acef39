package io.fixate.samples.avrsp.nets;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.AudioPreprocessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class AvrspNetTest {

    private static final int SIZE = 32;
    private static final int BATCH = 2;

    private NDManager manager;

    @BeforeEach
    void open(NDManager opened) {
        manager = opened;
        Engine.getInstance().setRandomSeed(5);
    }

    /** Every fusion of the paper's ablation, with and without MS and MRG, maps clips to one map per clip. */
    @Test
    void everyArchitectureGivesOneMapOfTheInputSizePerClip() {
        List<AvrspConfig> configs = List.of(AvrspConfig.DEFAULT, config(Fusion.RAVF, false, false),
                config(Fusion.RAVF, true, false), config(Fusion.CONCAT, true, true),
                config(Fusion.BILINEAR, true, true), config(Fusion.ADD, true, true), config(Fusion.MUL, true, true),
                new AvrspConfig(12, "compact", "compact", Fusion.RAVF, true, true, 2, 4));
        for (AvrspConfig config : configs) {
            AvrspNet net = new AvrspNet(config);
            NDList inputs = inputs(net);
            initialise(net, inputs);

            NDArray logits = net.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();

            assertEquals(new Shape(BATCH, 1, SIZE, SIZE), logits.getShape(), config.modelId());
            assertEquals(new Shape(BATCH, 1, SIZE, SIZE), net.getOutputShapes(shapes(inputs))[0]);
            for (float value : logits.toFloatArray()) {
                assertTrue(Float.isFinite(value), config.modelId());
            }
        }
    }

    /** The pretrained encoders by name fit too: MobileNetV2's strides 8 to 64 at 64 px, YAMNet's raw samples. */
    @Test
    void thePretrainedEncodersByNameFitTheNet() {
        AvrspNet net = new AvrspNet(new AvrspConfig(8, "mobilenet-v2", "yamnet", Fusion.RAVF, true, true, 1, 2));
        NDList inputs = inputs(net, 64);
        initialise(net, inputs);

        NDArray logits = net.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();

        assertEquals(new Shape(BATCH, 1, 64, 64), logits.getShape());
    }

    @Test
    void theModulesOfTheAblationsAddOrRemoveParameters() {
        long full = parameters(AvrspConfig.DEFAULT);
        long plain = parameters(config(Fusion.RAVF, false, false));
        long withoutGates = parameters(config(Fusion.RAVF, true, false));
        assertTrue(plain < withoutGates && withoutGates < full, plain + " < " + withoutGates + " < " + full);
        assertTrue(parameters(config(Fusion.ADD, true, true)) < full, "RAVF has parameters of its own");
    }

    /**
     * Sound reaches the map through the fusion alone: in visual-only mode (the first training phase) the map ignores
     * it, with the fusion it does not.
     */
    @Test
    void soundReachesTheMapOnlyThroughTheFusion() {
        AvrspNet net = new AvrspNet(AvrspConfig.DEFAULT);
        NDList inputs = inputs(net);
        initialise(net, inputs);
        NDList otherSound = new NDList(inputs.get(0), manager.randomNormal(inputs.get(1).getShape()).mul(3));
        ParameterStore parameters = new ParameterStore(manager, false);

        float[] heard = net.forward(parameters, inputs, false).singletonOrThrow().toFloatArray();
        float[] heardOther = net.forward(parameters, otherSound, false).singletonOrThrow().toFloatArray();
        net.setVisualOnly();
        float[] visual = net.forward(parameters, inputs, false).singletonOrThrow().toFloatArray();
        float[] visualOther = net.forward(parameters, otherSound, false).singletonOrThrow().toFloatArray();

        assertFalse(java.util.Arrays.equals(heard, heardOther), "the fused map follows the sound");
        assertArrayEquals(visual, visualOther, 0f);
        assertFalse(java.util.Arrays.equals(heard, visual), "the fusion changes the map");
    }

    /** The per-frame parts run once per frame and then decoded give the forward's map, as a stream uses them. */
    @Test
    void encodingFramesOnceAndDecodingGivesTheForwardMap() {
        AvrspNet net = new AvrspNet(AvrspConfig.DEFAULT);
        NDList inputs = inputs(net);
        initialise(net, inputs);
        ParameterStore parameters = new ParameterStore(manager, false);
        int frames = AvrspConfig.DEFAULT.frames();

        NDArray expected = net.forward(parameters, inputs, false).singletonOrThrow();
        NDArray clip = inputs.get(0).get(0);
        NDList maps = net.encodeFrames(parameters, clip, false);
        NDList clips = new NDList();
        for (NDArray depth : maps) {
            clips.add(depth.expandDims(0));
        }
        NDArray sound = inputs.get(1).get(0);
        NDArray embeddings = net.encodeAudio(parameters, sound, false).reshape(1, frames, -1);
        NDArray decoded = net.decode(parameters, clips, embeddings, SIZE, false);

        assertArrayEquals(expected.get(0).toFloatArray(), decoded.toFloatArray(), 1e-5f);
    }

    @Test
    void theCoarsestStrideFollowsTheEncoder() {
        assertEquals(16, new AvrspNet(AvrspConfig.DEFAULT).coarsestStride());
        assertEquals(64, new AvrspNet(new AvrspConfig(8, "mobilenet-v2", "compact", Fusion.RAVF, true, true, 1, 2))
                .coarsestStride());
    }

    /** The default architecture with the ablation choices given. */
    private static AvrspConfig config(Fusion fusion, boolean ms, boolean mrg) {
        return new AvrspConfig(AvrspConfig.DEFAULT.frames(), "compact", "compact", fusion, ms, mrg, 1, 2);
    }

    private long parameters(AvrspConfig config) {
        AvrspNet net = new AvrspNet(config);
        initialise(net, inputs(net));
        return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    private NDList inputs(AvrspNet net) {
        return inputs(net, SIZE);
    }

    private NDList inputs(AvrspNet net, int size) {
        int frames = net.config().frames();
        Shape audio = new AudioPreprocessor(net.audioEncoder()).batchShape(1);
        return new NDList(manager.randomNormal(new Shape(BATCH, frames, 3, size, size)),
                manager.randomNormal(new Shape(BATCH, frames).addAll(audio.slice(1))));
    }

    private void initialise(AvrspNet net, NDList inputs) {
        net.initialize(manager, DataType.FLOAT32, shapes(inputs));
    }

    private static Shape[] shapes(NDList inputs) {
        return new Shape[] {inputs.get(0).getShape(), inputs.get(1).getShape()};
    }
}
