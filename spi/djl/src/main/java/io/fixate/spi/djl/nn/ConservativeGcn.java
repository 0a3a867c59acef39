package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The C-GCN of SCAM+ and STANet+ (journal Eqs. 5–8): a fully connected graph over node states, each (B, C, H, W),
 * the target first (TA, MG1, MG2 in the papers). Inputs: the initial states h⁰; outputs: the states after m steps, in
 * the same order. Every step is synchronous: each node's update reads only the previous step's states. With
 * {@link Update#CONSERVATIVE} (the papers', the default) a node can only gate its own evidence:
 * <pre>
 * h_i^{t+1} = h_i^t ⊙ σ( Σ_{j≠i} m_{i←j} )        (7) for the target, (8) for the companions
 * </pre>
 * with m_{i←j} the {@link InterAttentionMessage} (Eqs. 5–6). {@link Update#GATED_GRU} is the reference's update: gated
 * messages, concatenated in node order and merged by a 3×3 convolution ((n−1)·C → C), then a kernel-1
 * {@link ConvGru} with the node's state. With refinement on, the {@link FixationRefineLayer} (Eqs. 9–10) follows every
 * step on every node, as in the papers and the reference. Decisions of the spec (§1.3), where the papers and the
 * reference code differ: the papers' update is the default and the reference's an option; the projections
 * (C → max(C/2, 4)), merge and GRU follow the reference and are shared by all node pairs and steps. The reference's
 * ST+ form (the merged messages as the new state, no GRU) is not offered.
 */
public final class ConservativeGcn extends AbstractBlock {

    /** The papers' number of reasoning steps m. */
    public static final int DEFAULT_STEPS = 3;

    /** How a node turns the messages it receives into its next state. */
    public enum Update {
        /** Eqs. 7–8: the state gated by the sigmoid of the summed messages. */
        CONSERVATIVE,
        /** The reference code: gated messages, a 3×3 merge, a kernel-1 ConvGRU. */
        GATED_GRU
    }

    private static final byte VERSION = 1;

    private final int steps;
    private final Update update;
    private final InterAttentionMessage message;
    private final Block merge;
    private final ConvGru gru;
    private final FixationRefineLayer refine;

    /**
     * @param channels C, the channels of every node state
     * @param steps    m, the number of synchronous reasoning steps (at least 1)
     * @param update   the papers' conservative update or the reference's
     * @param refine   the FRL applied after every step, or {@code null} for none
     */
    public ConservativeGcn(int channels, int steps, Update update, FixationRefineLayer refine) {
        super(VERSION);
        if (steps < 1) {
            throw new IllegalArgumentException("the C-GCN needs at least one step, got " + steps);
        }
        this.steps = steps;
        this.update = update;
        this.refine = refine;
        boolean reference = update == Update.GATED_GRU;
        message = addChildBlock("message", new InterAttentionMessage(channels, reference));
        merge = reference ? addChildBlock("merge", Layers.conv3x3(channels, 1)) : null;
        gru = reference ? addChildBlock("gru", new ConvGru(channels)) : null;
    }

    /** The papers' C-GCN: m = 3 conservative steps, each followed by FRL with T_d 0.8 and T_r 0.6. */
    public ConservativeGcn(int channels) {
        this(channels, DEFAULT_STEPS, Update.CONSERVATIVE, new FixationRefineLayer());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("the C-GCN needs at least two nodes, got " + inputs.size());
        }
        NDList states = inputs;
        for (int step = 0; step < steps; step++) {
            NDList next = new NDList(states.size());
            for (int node = 0; node < states.size(); node++) {
                next.add(stepped(parameters, training, states, node));
            }
            states = next;
        }
        return states;
    }

    /** Node {@code node}'s next state, read from {@code states} (the previous step's) alone. */
    private NDArray stepped(ParameterStore parameters, boolean training, NDList states, int node) {
        NDArray own = states.get(node);
        List<NDArray> received = new ArrayList<>();
        for (int sender = 0; sender < states.size(); sender++) {
            if (sender != node) {
                received.add(Layers.apply(message, parameters, training, own, states.get(sender)));
            }
        }
        NDArray updated;
        if (update == Update.CONSERVATIVE) {
            NDArray total = received.get(0);
            for (NDArray more : received.subList(1, received.size())) {
                total = total.add(more);
            }
            updated = own.mul(Activation.sigmoid(total));
        } else {
            NDArray merged = Layers.apply(merge, parameters, training, NDArrays.concat(new NDList(received), 1));
            updated = Layers.apply(gru, parameters, training, merged, own);
        }
        return refine == null ? updated : refine.refine(updated);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape node = inputShapes[0];
        message.initialize(manager, dataType, node, node);
        if (merge != null) {
            merge.initialize(manager, dataType, Layers.withChannels(node, node.get(1) * (inputShapes.length - 1)));
            gru.initialize(manager, dataType, node, node);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes.clone();
    }
}
