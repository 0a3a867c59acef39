package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
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

    /**
     * A convolution with bias and TensorFlow's SAME padding, for weights imported from TensorFlow: symmetric for
     * stride 1 (odd kernels), and for larger strides computed from the input size with the extra row and column at
     * the bottom and right, so that the output is ⌈input/stride⌉ and sees the pixels TensorFlow's does.
     */
    public static Block sameConvolution(int filters, int kernel, int stride, int groups) {
        Conv2d.Builder conv = Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optGroups(groups);
        if (stride == 1) {
            return conv.optPadding(new Shape(kernel / 2, kernel / 2)).build();
        }
        return new SequentialBlock()
                .add(LambdaBlock.singleton(maps -> samePadded(maps, kernel, stride), "samePadding"))
                .add(conv.build());
    }

    private static NDArray samePadded(NDArray maps, int kernel, int stride) {
        Shape shape = maps.getShape();
        long height = shape.get(2);
        long width = shape.get(3);
        long padHeight = Math.max((height + stride - 1) / stride * stride - stride + kernel - height, 0);
        long padWidth = Math.max((width + stride - 1) / stride * stride - stride + kernel - width, 0);
        // padding pairs from the last axis back: left, right, top, bottom
        return maps.pad(new Shape(padWidth / 2, padWidth - padWidth / 2, padHeight / 2, padHeight - padHeight / 2),
                0);
    }
}
