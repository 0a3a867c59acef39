package io.fixate.provider.scam.nets;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.FixationRefineLayer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SCAM+ net over a source branch: node batching, the target's outputs, the loss over nodes, its start. */
@ExtendWith(NdManagerExtension.class)
class PlusNetTest {

    private static final int SIZE = 32;
    private static final int COMPANIONS = 2;

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(11);
        manager = opened;
    }

    private static PlusNet plusNet(Nets kind) {
        return new PlusNet(kind.create(), COMPANIONS, new ConservativeGcn(Nets.CLASSES, 2,
                ConservativeGcn.Update.CONSERVATIVE, new FixationRefineLayer()), "test");
    }

    /** The inputs of a batch: the branch's inputs of the target, then of each companion. */
    private NDList nodeInputs(Nets kind) {
        NDList inputs = new NDList();
        for (int node = 0; node <= COMPANIONS; node++) {
            inputs.addAll(kind.randomInputs(manager, Nets.BATCH, SIZE, SIZE));
        }
        return inputs;
    }

    private static Shape[] shapes(NDList inputs) {
        return inputs.stream().map(NDArray::getShape).toArray(Shape[]::new);
    }

    @ParameterizedTest
    @EnumSource(Nets.class)
    void theTargetGetsMapsAndConfidencesEveryNodeGetsLogits(Nets kind) {
        PlusNet net = plusNet(kind);
        NDList inputs = nodeInputs(kind);
        net.initialize(manager, DataType.FLOAT32, shapes(inputs));

        NDList out = net.forward(new ParameterStore(manager, false), inputs, false);
        ClassActivations target = net.activations(out);

        Shape maps = new Shape(Nets.BATCH, Nets.CLASSES, SIZE / 8, SIZE / 8);
        assertEquals(maps, target.raw().getShape());
        assertEquals(maps, target.fused().getShape());
        assertEquals(new Shape(Nets.BATCH * (1 + COMPANIONS), Nets.CLASSES), out.get(2).getShape());
        assertEquals(new Shape(Nets.BATCH, Nets.CLASSES), target.confidences().getShape());
        assertArrayEquals(out.get(3).get(new NDIndex("0:{}", Nets.BATCH)).toFloatArray(),
                target.fusedLogits().toFloatArray());
        assertEquals(net.getOutputShapes(shapes(inputs))[2], out.get(2).getShape());
    }

    @ParameterizedTest
    @EnumSource(Nets.class)
    void theTargetsStateDependsOnItsCompanionsButTheRawMapsDoNot(Nets kind) {
        PlusNet net = plusNet(kind);
        NDList inputs = nodeInputs(kind);
        net.initialize(manager, DataType.FLOAT32, shapes(inputs));
        NDList others = new NDList(inputs.subList(0, inputs.size() / (1 + COMPANIONS)));
        for (int node = 0; node < COMPANIONS; node++) {
            others.addAll(kind.randomInputs(manager, Nets.BATCH, SIZE, SIZE));
        }

        ClassActivations first = net.activations(net.forward(new ParameterStore(manager, false), inputs, false));
        ClassActivations second = net.activations(net.forward(new ParameterStore(manager, false), others, false));

        assertArrayEquals(first.raw().toFloatArray(), second.raw().toFloatArray(), 1e-6f);
        assertFalse(Arrays.equals(first.fused().toFloatArray(), second.fused().toFloatArray()));
    }

    @Test
    void theLossIsTheSumOverNodesOfTheSingleNodeLoss() {
        PlusNet net = plusNet(Nets.S);
        NDList inputs = nodeInputs(Nets.S);
        net.initialize(manager, DataType.FLOAT32, shapes(inputs));
        NDList out = net.forward(new ParameterStore(manager, false), inputs, false);
        NDArray labels = manager.create(new float[] {0, 1, 0, 0, 0, 0, 0, 1}, new Shape(Nets.BATCH, Nets.CLASSES));

        float summed = 0;
        for (int node = 0; node <= COMPANIONS; node++) {
            NDIndex rows = new NDIndex("{}:{}", node * Nets.BATCH, (node + 1) * Nets.BATCH);
            summed += new ScamLoss(0.4f).evaluate(new NDList(labels), new NDList(out.get(0), out.get(1),
                    out.get(2).get(rows), out.get(3).get(rows))).getFloat();
        }
        assertEquals(summed, net.loss().evaluate(new NDList(labels), out).getFloat(), 1e-5f);
    }

    @Test
    void aStartedNetSeesTheTargetThroughTheTrainedSourceNet(@TempDir Path folder) throws IOException {
        ScamNet source = Nets.ST.initialized(manager, SIZE, SIZE);
        Path weights = folder.resolve("coarse-st.params");
        WeightsFile.save(source, weights, source.architectureId());
        NDList inputs = nodeInputs(Nets.ST);
        PlusNet net = plusNet(Nets.ST);
        net.initialize(manager, DataType.FLOAT32, shapes(inputs));
        net.startBranchFrom(weights);
        net.loadStartingWeights(manager);

        NDArray targetRaw = net.activations(net.forward(new ParameterStore(manager, false), inputs, false)).raw();
        NDArray sourceRaw = source.activations(Nets.infer(source, manager, new NDList(inputs.subList(0, 3)))).raw();

        assertArrayEquals(sourceRaw.toFloatArray(), targetRaw.toFloatArray(), 1e-5f);
    }

    @Test
    void inputsThatAreNotWholeNodesAreRefused() {
        PlusNet net = plusNet(Nets.SA);
        NDList inputs = nodeInputs(Nets.SA);
        net.initialize(manager, DataType.FLOAT32, shapes(inputs));
        NDList oneMissing = new NDList(Arrays.copyOf(inputs.toArray(new NDArray[0]), inputs.size() - 1));

        assertThrows(IllegalArgumentException.class,
                () -> net.forward(new ParameterStore(manager, false), oneMissing, false));
    }
}
