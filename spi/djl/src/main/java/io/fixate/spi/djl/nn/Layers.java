package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/** Layer factories and small tensor helpers shared by the nets' blocks. */
public final class Layers {

    private Layers() {
    }

    /** A 1×1 convolution ({@code c1(·→filters)} in the reference fact sheet). */
    public static Block pointwise(int filters, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).optBias(bias).build();
    }

    /** A 3×3 convolution with padding 1, so that the output is ⌈input/stride⌉ in each spatial dimension. */
    public static Block conv3x3(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1)).build();
    }

    /** Runs a single-output child block. */
    public static NDArray apply(Block block, ParameterStore parameters, boolean training, NDArray... inputs) {
        return block.forward(parameters, new NDList(inputs), training).singletonOrThrow();
    }

    /** The spatial mean of (B, C, H, W) maps, (B, C); DJL's mean over several axes fails, hence the reshape. */
    public static NDArray globalAveragePool(NDArray maps) {
        Shape shape = maps.getShape();
        return maps.reshape(shape.get(0), shape.get(1), -1).mean(new int[] {2});
    }

    /** The shape of (B, C, H, W) maps with {@code channels} channels instead. */
    public static Shape withChannels(Shape maps, long channels) {
        return new Shape(maps.get(0), channels, maps.get(2), maps.get(3));
    }
}
