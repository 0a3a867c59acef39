package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.Layers;

/**
 * The multi-scale synergy (MS) of the paper: each scale F_i (B, W, T, h_i, w_i), fine to coarse, each half the
 * previous one's size, is enhanced by its neighbours, F̂_i = ReLU(C_i(F_i) + D_i(F_{i−1}) + U_i(F_{i+1})), with C a
 * 3×3×3 convolution, D a 3×3×3 convolution of spatial stride 2 (down from the finer scale) and U a nearest ×2
 * upsampling followed by a 3×3×3 convolution (up from the coarser scale); the finest scale has no D term and the
 * coarsest no U term. The paper's combination of the three terms is lost with its equations; a sum keeps the widths
 * and lets each term be learnt away. Forward: the scales' list to the enhanced list, same shapes.
 */
public final class MultiScaleSynergy extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block[] same;
    private final Block[] down;
    private final Block[] up;

    /** The synergy of {@code scales} scales of {@code width} channels. */
    public MultiScaleSynergy(int scales, int width) {
        super(VERSION);
        same = new Block[scales];
        down = new Block[scales];
        up = new Block[scales];
        for (int i = 0; i < scales; i++) {
            same[i] = addChildBlock("same" + i, convolution(width, 1));
            if (i > 0) {
                down[i] = addChildBlock("down" + i, convolution(width, 2));
            }
            if (i < scales - 1) {
                up[i] = addChildBlock("up" + i, convolution(width, 1));
            }
        }
    }

    /** A 3×3×3 convolution with padding 1 and spatial stride {@code stride}. */
    static Block convolution(int filters, int stride) {
        return Conv3d.builder().setKernelShape(new Shape(3, 3, 3)).setFilters(filters)
                .optStride(new Shape(1, stride, stride)).optPadding(new Shape(1, 1, 1)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList enhanced = new NDList(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            NDArray sum = Layers.apply(same[i], parameters, training, inputs.get(i));
            if (down[i] != null) {
                sum = sum.add(Layers.apply(down[i], parameters, training, inputs.get(i - 1)));
            }
            if (up[i] != null) {
                sum = sum.add(Layers.apply(up[i], parameters, training, Upsampling.nearest(inputs.get(i + 1), 2)));
            }
            enhanced.add(Activation.relu(sum));
        }
        return enhanced;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < same.length; i++) {
            same[i].initialize(manager, dataType, inputShapes[i]);
            if (down[i] != null) {
                down[i].initialize(manager, dataType, inputShapes[i - 1]);
            }
            if (up[i] != null) {
                up[i].initialize(manager, dataType, inputShapes[i]);
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes.clone();
    }
}
