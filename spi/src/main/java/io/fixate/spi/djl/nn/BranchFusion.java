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
 * The reference fusion pattern (fact sheet §2, "Fuse pattern"). Inputs: the class maps x (B, c, H, W) followed by
 * {@code masks} masks that broadcast against x (one channel or c). Branches: ReLU(x + SA(x)) and, per mask m,
 * ReLU(x + x⊙m); they are concatenated and a 1×1 convolution brings them back to c channels.
 */
public final class BranchFusion extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int classes;
    private final int masks;
    private final SelfAttentionGate selfAttention;
    private final Block merge;

    public BranchFusion(int classes, int masks) {
        super(VERSION);
        this.classes = classes;
        this.masks = masks;
        selfAttention = addChildBlock("selfAttention", new SelfAttentionGate(classes));
        merge = addChildBlock("merge", Layers.pointwise(classes, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 1 + masks) {
            throw new IllegalArgumentException("the fusion takes the class maps and " + masks + " masks, got "
                    + inputs.size() + " arrays");
        }
        NDArray x = inputs.get(0);
        NDList branches = new NDList(Activation.relu(x.add(Layers.apply(selfAttention, parameters, training, x))));
        for (NDArray mask : inputs.subNDList(1)) {
            branches.add(Activation.relu(x.add(x.mul(mask))));
        }
        return new NDList(Layers.apply(merge, parameters, training, NDArrays.concat(branches, 1)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        selfAttention.initialize(manager, dataType, inputShapes[0]);
        merge.initialize(manager, dataType, Layers.withChannels(inputShapes[0], (long) classes * (1 + masks)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
