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
 * ReLU(x + x⊙m); they are concatenated and a convolution (1×1 in the SCAM nets, 3×3 in STA) brings them back to c
 * channels.
 */
public final class BranchFusion extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int classes;
    private final int masks;
    private final SelfAttentionGate selfAttention;
    private final Block merge;

    /** A fusion whose merge is a 1×1 convolution. */
    public BranchFusion(int classes, int masks) {
        this(classes, masks, 1);
    }

    /**
     * @param classes     c, the channels of x and of the result
     * @param masks       masks besides self-attention
     * @param mergeKernel side of the merging convolution: 1, or 3 (padded to keep the size)
     */
    public BranchFusion(int classes, int masks, int mergeKernel) {
        super(VERSION);
        this.classes = classes;
        this.masks = masks;
        selfAttention = addChildBlock("selfAttention", new SelfAttentionGate(classes));
        merge = addChildBlock("merge", mergeConvolution(classes, mergeKernel));
    }

    private static Block mergeConvolution(int classes, int kernel) {
        return switch (kernel) {
            case 1 -> Layers.pointwise(classes, true);
            case 3 -> Layers.conv3x3(classes, 1);
            default -> throw new IllegalArgumentException("the merge kernel is 1 or 3, got " + kernel);
        };
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
