package io.fixate.provider.scam.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * PyTorch's {@code nn.Bilinear}: inputs a (B, I) and v (B, J), output y (B, K) with y_k = aᵀ W_k v + b_k, W of shape
 * (K, I, J). DJL has no such layer and no einsum, so the sum runs as two products: a times W laid out as (I, K·J)
 * gives, per sample, the K rows aᵀ W_k as (B, K, J), and a batched product with v as (B, J, 1) finishes the sum over
 * j. Weights and bias start uniform in ±1/√I, PyTorch's default.
 */
final class Bilinear extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int leftSize;
    private final int rightSize;
    private final int outputSize;
    private final Parameter weight;
    private final Parameter bias;

    Bilinear(int leftSize, int rightSize, int outputSize) {
        super(VERSION);
        this.leftSize = leftSize;
        this.rightSize = rightSize;
        this.outputSize = outputSize;
        UniformInitializer pytorchDefault = new UniformInitializer((float) (1 / Math.sqrt(leftSize)));
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputSize, leftSize, rightSize)).optInitializer(pytorchDefault).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(outputSize)).optInitializer(pytorchDefault).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray left = inputs.get(0);
        NDArray right = inputs.get(1);
        long batch = left.getShape().get(0);
        // An operation's result belongs to its first operand's manager: the weights' layout change must move to the
        // input's (per-step) manager, or every forward would leave an 8 MB copy in the model's manager.
        NDArray transposed = parameters.getValue(weight, left.getDevice(), training).transpose(1, 0, 2);
        transposed.attach(left.getManager());
        NDArray leftByOutput = left.matMul(transposed.reshape(leftSize, (long) outputSize * rightSize))
                .reshape(batch, outputSize, rightSize);
        NDArray products = leftByOutput.batchMatMul(right.reshape(batch, rightSize, 1)).reshape(batch, outputSize);
        return new NDList(products.add(parameters.getValue(bias, left.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputSize)};
    }
}
