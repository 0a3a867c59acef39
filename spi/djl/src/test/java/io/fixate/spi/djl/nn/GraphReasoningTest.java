package io.fixate.spi.djl.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The C-GCN's blocks on tiny tensors whose outputs are computed by hand. */
@ExtendWith(NdManagerExtension.class)
class GraphReasoningTest {

    private static final float TOLERANCE = 1e-5f;
    private static final Shape ONE_BY_TWO = new Shape(1, 1, 1, 2);

    private NDManager manager;

    @BeforeEach
    void seed(NDManager opened) {
        Engine.getInstance().setRandomSeed(5);
        manager = opened;
    }

    @Test
    void messageSoftmaxRunsOverTheSenderPositionsOfEachTargetPosition() {
        // F[l, k] = q_l · k_k: row l = 0 is (0, 0), row l = 1 is (0, ln 3).
        NDArray queries = manager.create(new float[] {0, 1}, ONE_BY_TWO);
        NDArray keys = manager.create(new float[] {0, (float) Math.log(3)}, ONE_BY_TWO);
        NDArray sender = manager.create(new float[] {4, 8}, ONE_BY_TWO);

        NDArray message = InterAttentionMessage.attend(queries, keys, sender);

        // Target 0 weighs the senders (1/2, 1/2) -> 6, target 1 weighs them (1/4, 3/4) -> 7. A softmax over the
        // target axis would give (4, 8) instead.
        assertArrayEquals(new float[] {6, 7}, message.toFloatArray(), TOLERANCE);
    }

    @Test
    void messageCarriesEveryChannelOfTheSenderWithTheSameWeights() {
        NDArray queries = manager.create(new float[] {0, 1}, ONE_BY_TWO);
        NDArray keys = manager.create(new float[] {0, (float) Math.log(3)}, ONE_BY_TWO);
        NDArray sender = manager.create(new float[] {4, 8, -4, 0}, new Shape(1, 2, 1, 2));

        NDArray message = InterAttentionMessage.attend(queries, keys, sender);

        assertArrayEquals(new float[] {6, 7, -2, -1}, message.toFloatArray(), TOLERANCE);
    }

    @Test
    void referenceGateScalesTheMessageBySigmoidOfItsOwnProjection() {
        // Zero projections: the message is the sender's spatial mean (3, then -1); the zero gate conv gives σ(0).
        InterAttentionMessage gated = new InterAttentionMessage(2, true);
        NDArray receiver = manager.randomNormal(new Shape(1, 2, 1, 2));
        NDArray sender = manager.create(new float[] {2, 4, 0, -2}, new Shape(1, 2, 1, 2));
        initialiseWithZeros(gated, new NDList(receiver, sender));

        NDArray message = gated.forward(new ParameterStore(manager, false), new NDList(receiver, sender), false)
                .singletonOrThrow();

        assertArrayEquals(new float[] {1.5f, 1.5f, -0.5f, -0.5f}, message.toFloatArray(), TOLERANCE);
    }

    @Test
    void refineLayerDampsOnlyTheLowResponsesOfEachSample() {
        // Channel means per sample: (1, 2, 3, 4); 3 < 0.8 * 4 is low, 4 is not. The second sample is the first
        // times 10: same mask, since the peak is taken per sample.
        float[] first = {0, 2, 4, 8, 2, 2, 2, 0};
        float[] values = new float[16];
        for (int i = 0; i < 8; i++) {
            values[i] = first[i];
            values[8 + i] = 10 * first[i];
        }
        NDArray maps = manager.create(values, new Shape(2, 2, 2, 2));

        float[] refined = new FixationRefineLayer().refine(maps).toFloatArray();

        float[] expected = new float[16];
        for (int sample = 0; sample < 2; sample++) {
            for (int channel = 0; channel < 2; channel++) {
                for (int position = 0; position < 4; position++) {
                    int index = sample * 8 + channel * 4 + position;
                    double mean = (sample == 0 ? 1 : 10) * (position + 1);
                    double factor = position < 3 ? 0.6 * sigmoid(mean) : sigmoid(mean);
                    expected[index] = (float) ((values[index] * factor + values[index]) / 2);
                }
            }
        }
        assertArrayEquals(expected, refined, TOLERANCE);
    }

    @Test
    void refineLayerLeavesAnEvenMapAtItsPlainSigmoidGate() {
        NDArray maps = manager.full(new Shape(1, 1, 2, 2), 2f);

        float[] refined = new FixationRefineLayer().refine(maps).toFloatArray();

        float gated = (float) ((2 * sigmoid(2) + 2) / 2);
        assertArrayEquals(new float[] {gated, gated, gated, gated}, refined, TOLERANCE);
    }

    @Test
    void refineLayerRejectsThresholdsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new FixationRefineLayer(0f, 0.6f));
        assertThrows(IllegalArgumentException.class, () -> new FixationRefineLayer(0.8f, 1.5f));
    }

    @Test
    void conservativeStepsAreSynchronous() {
        // Zero projections make every affinity 0, so each message is the sender's spatial mean (here its value).
        ConservativeGcn graph = new ConservativeGcn(1, 2, ConservativeGcn.Update.CONSERVATIVE, null);
        NDList nodes = nodes(-3, 1, 0);
        initialiseWithZeros(graph, nodes);

        NDList out = graph.forward(new ParameterStore(manager, false), nodes, false);

        double[] state = {-3, 1, 0};
        for (int step = 0; step < 2; step++) {
            double[] next = new double[3];
            double total = state[0] + state[1] + state[2];
            for (int node = 0; node < 3; node++) {
                next[node] = state[node] * sigmoid(total - state[node]);
            }
            state = next;
        }
        // After the first step node 1 is σ(−3) ≈ 0.047; an in-place update would give σ(−3·σ(1)) ≈ 0.10.
        for (int node = 0; node < 3; node++) {
            assertArrayEquals(new float[] {(float) state[node], (float) state[node]}, out.get(node).toFloatArray(),
                    TOLERANCE, "node " + node);
        }
    }

    @Test
    void conservativeUpdateGatesEachNodeByItsOwnMessagesThenRefines() {
        ConservativeGcn graph = new ConservativeGcn(1, 1, ConservativeGcn.Update.CONSERVATIVE,
                new FixationRefineLayer());
        NDList nodes = new NDList(manager.create(new float[] {1, 4}, ONE_BY_TWO),
                manager.create(new float[] {-2, 2}, ONE_BY_TWO));
        initialiseWithZeros(graph, nodes);

        NDList out = graph.forward(new ParameterStore(manager, false), nodes, false);

        // Node 0 receives node 1's mean 0 -> gate 1/2 -> (0.5, 2); FRL damps 0.5 (under 0.8 * 2), keeps 2's gate.
        float low = (float) ((0.5 * 0.6 * sigmoid(0.5) + 0.5) / 2);
        float high = (float) ((2 * sigmoid(2) + 2) / 2);
        assertArrayEquals(new float[] {low, high}, out.get(0).toFloatArray(), TOLERANCE);
        // Node 1 receives node 0's mean 2.5 -> gate σ(2.5) on (-2, 2).
        double gate = sigmoid(2.5);
        float negative = (float) (-2 * gate);
        float positive = (float) (2 * gate);
        float dampedNegative = (float) ((negative * 0.6 * sigmoid(negative) + negative) / 2);
        float keptPositive = (float) ((positive * sigmoid(positive) + positive) / 2);
        assertArrayEquals(new float[] {dampedNegative, keptPositive}, out.get(1).toFloatArray(), TOLERANCE);
    }

    @Test
    void referenceUpdateWithZeroWeightsHalvesTheStateThroughTheGru() {
        // Zero weights: merged input 0, z = r = σ(0) = 1/2, n = tanh(0) = 0, so h' = h / 2 at every step.
        ConservativeGcn graph = new ConservativeGcn(2, 3, ConservativeGcn.Update.GATED_GRU, null);
        NDList nodes = new NDList(manager.create(new float[] {8, -8, 16, 0}, new Shape(1, 2, 1, 2)),
                manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 1, 2)),
                manager.create(new float[] {5, 6, 7, 8}, new Shape(1, 2, 1, 2)));
        initialiseWithZeros(graph, nodes);

        NDList out = graph.forward(new ParameterStore(manager, false), nodes, false);

        assertArrayEquals(new float[] {1, -1, 2, 0}, out.get(0).toFloatArray(), TOLERANCE);
        assertArrayEquals(new float[] {0.125f, 0.25f, 0.375f, 0.5f}, out.get(1).toFloatArray(), TOLERANCE);
    }

    @Test
    void referenceUpdateKeepsEveryNodeShapeWithRandomWeights() {
        Shape node = new Shape(2, 6, 3, 3);
        ConservativeGcn graph = new ConservativeGcn(6, 3, ConservativeGcn.Update.GATED_GRU,
                new FixationRefineLayer());
        NDList nodes = new NDList(manager.randomNormal(node), manager.randomNormal(node), manager.randomNormal(node));
        graph.initialize(manager, DataType.FLOAT32, node, node, node);

        NDList out = graph.forward(new ParameterStore(manager, false), nodes, false);

        assertEquals(3, out.size());
        for (NDArray state : out) {
            assertEquals(node, state.getShape());
        }
    }

    @Test
    void gradientsReachTheMessageProjectionsThroughTheRefineLayer() {
        Shape node = new Shape(1, 2, 2, 2);
        ConservativeGcn graph = new ConservativeGcn(2);
        NDList nodes = new NDList(manager.randomNormal(node), manager.randomNormal(node), manager.randomNormal(node));
        graph.initialize(manager, DataType.FLOAT32, node, node, node);
        for (Pair<String, Parameter> parameter : graph.getParameters()) {
            parameter.getValue().getArray().setRequiresGradient(true);
        }

        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = graph.forward(new ParameterStore(manager, false), nodes, true);
            collector.backward(out.get(0).sum());
        }

        // Weights only: the key's bias adds a constant to each target's row of affinities, which the softmax ignores.
        int weights = 0;
        for (Pair<String, Parameter> parameter : graph.getParameters()) {
            if (parameter.getValue().getType() == Parameter.Type.WEIGHT) {
                NDArray gradient = parameter.getValue().getArray().getGradient();
                assertTrue(gradient.abs().sum().getFloat() > 1e-6f, parameter.getKey());
                weights++;
            }
        }
        assertEquals(2, weights);
    }

    @Test
    void graphRefusesASingleNodeAndZeroSteps() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConservativeGcn(1, 0, ConservativeGcn.Update.CONSERVATIVE, null));
        ConservativeGcn graph = new ConservativeGcn(1);
        NDList one = nodes(1);
        graph.initialize(manager, DataType.FLOAT32, ONE_BY_TWO);
        assertThrows(IllegalArgumentException.class,
                () -> graph.forward(new ParameterStore(manager, false), one, false));
    }

    private NDList nodes(float... values) {
        NDList nodes = new NDList();
        for (float value : values) {
            nodes.add(manager.full(ONE_BY_TWO, value));
        }
        return nodes;
    }

    private void initialiseWithZeros(Block block, NDList inputs) {
        block.initialize(manager, DataType.FLOAT32, inputs.getShapes());
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            parameter.getValue().getArray().muli(0);
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
