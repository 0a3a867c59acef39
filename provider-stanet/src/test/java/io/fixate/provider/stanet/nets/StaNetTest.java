package io.fixate.provider.stanet.nets;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class StaNetTest {

    static final int SPECTROGRAM_FRAMES = 48;

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(5);
        manager = opened;
    }

    static StaNet compactNet() {
        return new StaNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT));
    }

    static Shape[] inputShapes(int batch, int height, int width) {
        Shape frame = new Shape(batch, 3, height, width);
        return new Shape[] {frame, frame, frame, new Shape(batch, 1, 257, SPECTROGRAM_FRAMES)};
    }

    /** Frames standard normal (ImageNet-normalised pixels are about that), spectrograms too (they are z-scored). */
    static NDList randomInputs(NDManager manager, int batch, int height, int width) {
        NDList inputs = new NDList();
        for (Shape shape : inputShapes(batch, height, width)) {
            inputs.add(manager.randomNormal(shape));
        }
        return inputs;
    }

    private StaNet initialized(int batch, int height, int width) {
        StaNet net = compactNet();
        net.initialize(manager, DataType.FLOAT32, inputShapes(batch, height, width));
        return net;
    }

    private static NDList infer(StaNet net, NDManager manager, NDList inputs) {
        return net.forward(new ParameterStore(manager, false), inputs, false);
    }

    @ParameterizedTest
    @CsvSource({"1, 64, 64", "2, 64, 64", "2, 96, 96", "1, 112, 112", "1, 128, 128", "2, 160, 160",
            "2, 100, 75", "1, 37, 53"})
    void bothLogitMapsHaveTheFrameSize(int batch, int height, int width) {
        StaNet net = initialized(batch, height, width);

        NDList out = infer(net, manager, randomInputs(manager, batch, height, width));

        Shape logits = new Shape(batch, 1, height, width);
        assertEquals(2, out.size());
        assertEquals(logits, out.get(0).getShape());
        assertEquals(logits, out.get(1).getShape());
        assertEquals(logits, net.getOutputShapes(inputShapes(batch, height, width))[0]);
        assertTrue(out.get(0).isInfinite().logicalOr(out.get(0).isNaN()).none().getBoolean());
    }

    @Test
    void aNetInitialisedForOneSizeRunsOnAnother() {
        StaNet net = initialized(2, 64, 64);

        NDList out = infer(net, manager, randomInputs(manager, 1, 90, 120));

        assertEquals(new Shape(1, 1, 90, 120), out.get(0).getShape());
    }

    @Test
    void theParameterCountDoesNotDependOnTheInputSize() {
        long small = parameterCount(initialized(1, 64, 64));
        long large = parameterCount(initialized(2, 160, 112));

        assertEquals(small, large);
        assertTrue(small > 0);
    }

    @Test
    void theAudioAndTheNeighbouringFramesReachTheOutput() {
        StaNet net = initialized(1, 64, 64);
        NDList inputs = randomInputs(manager, 1, 64, 64);
        NDArray reference = infer(net, manager, inputs).get(0);

        NDList otherAudio = new NDList(inputs.get(0), inputs.get(1), inputs.get(2),
                manager.randomNormal(inputs.get(3).getShape()));
        NDList otherNextFrame = new NDList(inputs.get(0), inputs.get(1), manager.randomNormal(inputs.get(2).getShape()),
                inputs.get(3));

        assertTrue(maxDifference(reference, infer(net, manager, otherAudio).get(0)) > 1e-6f);
        assertTrue(maxDifference(reference, infer(net, manager, otherNextFrame).get(0)) > 1e-6f);
        assertEquals(0f, maxDifference(reference, infer(net, manager, inputs).get(0)));
    }

    @Test
    void wrongInputsAndShallowEncodersAreRejected() {
        StaNet net = initialized(1, 64, 64);
        NDList frameOnly = new NDList(manager.randomNormal(new Shape(1, 3, 64, 64)));
        VisualEncoder oneDepth = new VisualEncoder("single", Layers.conv3x3(8, 2), 8, 2);

        assertThrows(IllegalArgumentException.class, () -> infer(net, manager, frameOnly));
        IllegalArgumentException shallow = assertThrows(IllegalArgumentException.class,
                () -> new StaNet(oneDepth, Encoders.audio(Encoders.COMPACT)));
        assertTrue(shallow.getMessage().contains("single"), shallow.getMessage());
    }

    @Test
    void decodingFramesEncodedOneByOneEqualsTheForwardPass() {
        StaNet net = initialized(1, 64, 64);
        NDList inputs = randomInputs(manager, 1, 64, 64);
        ParameterStore parameters = new ParameterStore(manager, false);

        NDList whole = infer(net, manager, inputs);
        NDList decoded = net.decode(parameters, net.encode(parameters, inputs.get(0), false),
                net.encode(parameters, inputs.get(1), false), net.encode(parameters, inputs.get(2), false),
                inputs.get(3), 64, 64, false);

        for (int map = 0; map < 2; map++) {
            assertTrue(maxDifference(whole.get(map), decoded.get(map)) < 1e-5f, "map " + map + " differs");
        }
    }

    @Test
    void aForwardInASubManagerLeavesNoArraysInTheParentManager() {
        StaNet net = initialized(1, 64, 64);
        // the count includes arrays of open sub-managers, so it would see a forward that leaks into the parent
        try (NDManager leak = manager.newSubManager()) {
            int before = manager.getManagedArrays().size();
            leak.zeros(new Shape(1));
            assertEquals(before + 1, manager.getManagedArrays().size());
        }
        int arraysBefore = manager.getManagedArrays().size();

        try (NDManager frame = manager.newSubManager()) {
            NDList out = infer(net, frame, randomInputs(frame, 1, 64, 64));
            assertEquals(new Shape(1, 1, 64, 64), out.get(0).getShape());
        }

        assertEquals(arraysBefore, manager.getManagedArrays().size());
    }

    private static long parameterCount(StaNet net) {
        long count = 0;
        for (Pair<String, Parameter> parameter : net.getParameters()) {
            count += parameter.getValue().getArray().size();
        }
        return count;
    }

    private static float maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }
}
