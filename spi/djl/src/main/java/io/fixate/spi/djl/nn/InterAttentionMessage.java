package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The inter-attention message m_{a←b} of the C-GCN (journal Eqs. 5–6). Inputs: the receiver's state h_a and the
 * sender's state h_b, both (B, C, H, W) with N = H·W positions; output: the message, (B, C, H, W).
 * <pre>
 * F[l, k]     = (Wq h_a)[:, l] · (Wk h_b)[:, k]            N × N, l a receiver position, k a sender position   (6)
 * E[k, l]     = softmax over the sender positions k of F[l, k]                                             (5)
 * m[:, l]     = Σ_k E[k, l] · h_b[:, k]
 * </pre>
 * So for every target (receiver) position the weights over the sender's positions sum to 1: the softmax runs over the
 * last axis of the (B, N_receiver, N_sender) affinity. Wq (receiver) and Wk (sender) are 1×1 convolutions C → C' with
 * C' = max(C/2, 4), as in the reference. With {@code gated}, the reference's extra gate is applied:
 * m ← m ⊙ σ(c1(C→1, no bias)(m)).
 */
public final class InterAttentionMessage extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int MIN_PROJECTED_CHANNELS = 4;

    private final Block query;
    private final Block key;
    private final Block gate;

    /**
     * @param channels C, the channels of the node states
     * @param gated    whether the message gets the reference's σ(c1(C→1)) gate (off in the papers' Eqs. 7–8)
     */
    public InterAttentionMessage(int channels, boolean gated) {
        super(VERSION);
        int projected = Math.max(channels / 2, MIN_PROJECTED_CHANNELS);
        query = addChildBlock("query", Layers.pointwise(projected, true));
        key = addChildBlock("key", Layers.pointwise(projected, true));
        gate = gated ? addChildBlock("gate", Layers.pointwise(1, false)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray receiver = inputs.get(0);
        NDArray sender = inputs.get(1);
        NDArray message = attend(Layers.apply(query, parameters, training, receiver),
                Layers.apply(key, parameters, training, sender), sender);
        if (gate != null) {
            message = message.mul(Activation.sigmoid(Layers.apply(gate, parameters, training, message)));
        }
        return new NDList(message);
    }

    /**
     * The message from projected queries (B, C', H, W) of the receiver, projected keys (B, C', H, W) of the sender
     * and the sender's state (B, C, H, W): Eqs. 5–6 without the projections.
     */
    public static NDArray attend(NDArray queries, NDArray keys, NDArray sender) {
        Shape shape = sender.getShape();
        long batch = shape.get(0);
        long positions = shape.get(2) * shape.get(3);
        NDArray q = queries.reshape(batch, -1, positions);
        NDArray k = keys.reshape(batch, -1, positions);
        NDArray weights = q.transpose(0, 2, 1).batchMatMul(k).softmax(2);
        NDArray values = sender.reshape(batch, -1, positions);
        return values.batchMatMul(weights.transpose(0, 2, 1)).reshape(shape);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        query.initialize(manager, dataType, inputShapes[0]);
        key.initialize(manager, dataType, inputShapes[1]);
        if (gate != null) {
            gate.initialize(manager, dataType, inputShapes[1]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
