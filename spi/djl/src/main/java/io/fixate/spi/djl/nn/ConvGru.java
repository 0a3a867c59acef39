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

/**
 * The reference's convolutional GRU with kernel 1 (fact sheet §2). Inputs: x and the state h, both (B, C, H, W);
 * output the new state: z = σ(Wz[x, h]), r = σ(Wr[x, h]), n = tanh(Wo[x, r ⊙ h]), h' = h ⊙ (1 − z) + n ⊙ z.
 */
public final class ConvGru extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block update;
    private final Block reset;
    private final Block candidate;

    /** @param channels C, the channels of the input and of the state */
    public ConvGru(int channels) {
        super(VERSION);
        update = addChildBlock("update", Layers.pointwise(channels, true));
        reset = addChildBlock("reset", Layers.pointwise(channels, true));
        candidate = addChildBlock("candidate", Layers.pointwise(channels, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray state = inputs.get(1);
        NDArray both = NDArrays.concat(new NDList(x, state), 1);
        NDArray z = Activation.sigmoid(Layers.apply(update, parameters, training, both));
        NDArray r = Activation.sigmoid(Layers.apply(reset, parameters, training, both));
        NDArray n = Layers.apply(candidate, parameters, training, NDArrays.concat(new NDList(x, r.mul(state)), 1))
                .tanh();
        return new NDList(state.sub(state.mul(z)).add(n.mul(z)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape both = Layers.withChannels(inputShapes[1], inputShapes[0].get(1) + inputShapes[1].get(1));
        for (Block child : new Block[] {update, reset, candidate}) {
            child.initialize(manager, dataType, both);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
