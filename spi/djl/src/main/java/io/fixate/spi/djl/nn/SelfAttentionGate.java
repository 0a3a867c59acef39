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
 * The self-attention gate SA(x) of the reference (fact sheet §2): over the N = H·W positions of x (B, C, H, W),
 * f = c1(C→C/2)(x), g = c1(C→C/2)(x), h = c1(C→C)(x); A = fᵀg (N × N) normalised by softmax over its first index;
 * o = h·A; the output is σ(c1(C→1, no bias)(o)) ⊙ x, a spatial gate on the input.
 */
public final class SelfAttentionGate extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block query;
    private final Block key;
    private final Block value;
    private final Block gate;

    /** @param channels C, the channels of the maps it gates */
    public SelfAttentionGate(int channels) {
        super(VERSION);
        int reduced = Math.max(1, channels / 2);
        query = addChildBlock("query", Layers.pointwise(reduced, true));
        key = addChildBlock("key", Layers.pointwise(reduced, true));
        value = addChildBlock("value", Layers.pointwise(channels, true));
        gate = addChildBlock("gate", Layers.pointwise(1, false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long positions = shape.get(2) * shape.get(3);
        NDArray f = Layers.apply(query, parameters, training, x).reshape(batch, -1, positions);
        NDArray g = Layers.apply(key, parameters, training, x).reshape(batch, -1, positions);
        NDArray h = Layers.apply(value, parameters, training, x).reshape(batch, -1, positions);
        NDArray attention = f.transpose(0, 2, 1).batchMatMul(g).softmax(1);
        NDArray attended = h.batchMatMul(attention).reshape(shape);
        NDArray mask = Activation.sigmoid(Layers.apply(gate, parameters, training, attended));
        return new NDList(x.mul(mask));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : new Block[] {query, key, value, gate}) {
            child.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
