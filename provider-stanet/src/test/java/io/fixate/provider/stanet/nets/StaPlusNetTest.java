package io.fixate.provider.stanet.nets;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.training.MomentumSgd;
import io.fixate.spi.djl.training.TrainingStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class StaPlusNetTest {

    private static final int SIZE = 32;

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(5);
        manager = opened;
    }

    static StaPlusNet compactNet(ConservativeGcn.Update update) {
        return compactNet(update, StaPlusNet.Readout.EQ15);
    }

    static StaPlusNet compactNet(ConservativeGcn.Update update, StaPlusNet.Readout readout) {
        return new StaPlusNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT), 2, update, readout);
    }

    static Shape[] inputShapes(int batch) {
        List<Shape> shapes = new ArrayList<>();
        for (int node = 0; node < StaPlusNet.NODES; node++) {
            shapes.addAll(List.of(StaNetTest.inputShapes(batch, SIZE, SIZE)));
        }
        return shapes.toArray(Shape[]::new);
    }

    private NDList randomInputs(int batch) {
        NDList inputs = new NDList();
        for (Shape shape : inputShapes(batch)) {
            inputs.add(manager.randomNormal(shape));
        }
        return inputs;
    }

    @ParameterizedTest
    @EnumSource(ConservativeGcn.Update.class)
    void everyNodeGetsALogitMapOfTheFrameSize(ConservativeGcn.Update update) {
        StaPlusNet net = compactNet(update);
        net.initialize(manager, DataType.FLOAT32, inputShapes(2));

        NDList out = net.forward(new ParameterStore(manager, false), randomInputs(2), false);

        assertEquals(StaPlusNet.NODES, out.size());
        for (NDArray map : out) {
            assertEquals(new Shape(2, 1, SIZE, SIZE), map.getShape());
            assertFalse(map.isNaN().any().getBoolean());
        }
        assertFalse(out.get(0).contentEquals(out.get(1)), "nodes with other fragments get other maps");
    }

    @Test
    void theTargetsMapDependsOnItsCompanions() {
        StaPlusNet net = compactNet(ConservativeGcn.Update.CONSERVATIVE);
        net.initialize(manager, DataType.FLOAT32, inputShapes(1));
        NDList inputs = randomInputs(1);
        NDList otherCompanion = new NDList(inputs);
        otherCompanion.set(4, manager.randomNormal(inputs.get(4).getShape()));

        NDArray target = net.forward(new ParameterStore(manager, false), inputs, false).get(0);
        NDArray moved = net.forward(new ParameterStore(manager, false), otherCompanion, false).get(0);

        assertFalse(target.contentEquals(moved), "the C-GCN carries the companions' evidence to the target");
    }

    @Test
    void aFreshDecoderReadoutGivesEachNodeItsStasFinestMap() {
        StaPlusNet net = compactNet(ConservativeGcn.Update.CONSERVATIVE, StaPlusNet.Readout.DECODER);
        net.initialize(manager, DataType.FLOAT32, inputShapes(2));
        NDList inputs = randomInputs(2);

        NDList maps = net.forward(new ParameterStore(manager, false), inputs, false);

        for (int node = 0; node < StaPlusNet.NODES; node++) {
            NDArray sta = net.sta().forward(new ParameterStore(manager, false), inputs.subNDList(4 * node,
                    4 * node + 4), false).get(0);
            assertTrue(sta.allClose(maps.get(node), 1e-4, 1e-5, false), "node " + node + ": context starts at zero");
        }
    }

    @ParameterizedTest
    @EnumSource(StaPlusNet.Readout.class)
    void theStaDecoderIsFrozenOnlyWhenEq15LeavesItUnreadAndATrainingStepMovesTheRest(StaPlusNet.Readout readout) {
        StaPlusNet net = compactNet(ConservativeGcn.Update.CONSERVATIVE, readout);
        try (Model model = Model.newInstance("sta-plus")) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(net.loss())
                    .optOptimizer(new MomentumSgd(0.01f, 0)).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(inputShapes(2));
                List<Pair<String, Parameter>> parameters = net.getParameters().stream().toList();
                List<NDArray> before = parameters.stream().map(p -> p.getValue().getArray().duplicate()).toList();
                try (NDManager step = trainer.getManager().newSubManager()) {
                    NDArray labels = step.randomUniform(0, 1, new Shape(2, StaPlusNet.NODES, SIZE, SIZE));
                    assertTrue(Float.isFinite(TrainingStep.run(trainer, randomInputs(2), labels, step).loss()));
                }
                for (int i = 0; i < parameters.size(); i++) {
                    String name = parameters.get(i).getKey();
                    boolean decoder = name.matches("sta_(shallowProjection|middleProjection|middleMerge|shallowMerge"
                            + "|coarseReadout|fineReadout)_.*");
                    boolean unchanged = before.get(i).contentEquals(parameters.get(i).getValue().getArray());
                    boolean frozen = decoder && readout == StaPlusNet.Readout.EQ15;
                    // Δ's last convolution starts at zero, so the decoder readout's first step reaches no further.
                    boolean reached = decoder || name.endsWith("_readout_weight")
                            || name.contains("readoutHidden") && readout == StaPlusNet.Readout.EQ15;
                    if (reached) {
                        assertEquals(frozen, unchanged, name + (frozen ? " is frozen" : " learns"));
                    }
                }
            }
        }
    }

    @Test
    void theLossSumsEachNodesStaLossAgainstItsOwnLabel() {
        NDList maps = new NDList();
        NDList labels = new NDList();
        for (int node = 0; node < StaPlusNet.NODES; node++) {
            maps.add(manager.randomNormal(new Shape(2, 1, 4, 4)));
            labels.add(manager.randomUniform(0, 1, new Shape(2, 1, 4, 4)));
        }
        StaLoss single = new StaLoss();
        float expected = 0;
        for (int node = 0; node < StaPlusNet.NODES; node++) {
            expected += single.evaluate(new NDList(labels.get(node)), new NDList(maps.get(node))).getFloat();
        }

        float loss = new StaPlusLoss().evaluate(new NDList(labels.get(0).concat(labels.get(1), 1)
                .concat(labels.get(2), 1)), maps).getFloat();

        assertEquals(expected, loss, 1e-4f);
        assertThrows(IllegalArgumentException.class, () -> new StaPlusLoss().evaluate(new NDList(labels.get(0)), maps));
    }
}
