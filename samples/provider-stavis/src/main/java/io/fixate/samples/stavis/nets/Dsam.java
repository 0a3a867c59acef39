package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.Layers;

/**
 * STAViS's deeply supervised attention module (DSAM), on the spatio-temporal features X of one encoder stage, (B, C,
 * T, h, w): X̄ = the mean of X over time; side features S = c3(C → {@code sideChannels})(X̄); side logits A =
 * c1(S → 1)(S) + {@value #ACTIVATION_OFFSET}; attention M = the spatial softmax of A; enhanced features
 * X̃ = (1 + M) ⊙ X (M broadcast over channels and time). X̃ feeds the next stage; S and A, resized to the output size
 * by the net, are the stage's side features (read by the visual map) and its side map (deep supervision).
 *
 * <p>The offset of −6 is the paper's bias initialisation of the activation convolution, written as a constant added
 * to a bias that starts at 0: the same function and the same gradients, without relying on a per-parameter
 * initialiser surviving the trainer's own initialisation. σ(−6) ≈ 0.0025, so a fresh module's side map is nearly empty,
 * as sparse fixation maps are; the softmax ignores the offset.
 *
 * <p>Forward: [X̃ (B, C, T, h, w), S (B, sideChannels, h, w), A (B, 1, h, w)].
 */
public final class Dsam extends AbstractBlock {

    /** Added to the activation logits: the paper's initial bias of the activation convolution. */
    public static final float ACTIVATION_OFFSET = -6f;

    private static final byte VERSION = 1;

    private final int sideChannels;
    private final Block side;
    private final Block activation;

    /** A DSAM with {@code sideChannels} side features (16 in the paper, 8 in the compact version). */
    public Dsam(int sideChannels) {
        super(VERSION);
        this.sideChannels = sideChannels;
        side = addChildBlock("side", Layers.conv3x3(sideChannels, 1));
        activation = addChildBlock("activation", Layers.pointwise(1, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray features = inputs.singletonOrThrow();
        NDArray average = features.mean(new int[] {2});
        NDArray sideFeatures = Layers.apply(side, parameters, training, average);
        NDArray logits = Layers.apply(activation, parameters, training, sideFeatures).add(ACTIVATION_OFFSET);
        NDArray attention = spatialSoftmax(logits);
        NDArray enhanced = features.mul(attention.add(1f).expandDims(2));
        return new NDList(enhanced, sideFeatures, logits);
    }

    /** The softmax of (B, 1, h, w) logits over the h·w positions of each sample. */
    static NDArray spatialSoftmax(NDArray logits) {
        Shape shape = logits.getShape();
        return logits.reshape(shape.get(0), -1).softmax(1).reshape(shape);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape features = inputShapes[0];
        Shape average = new Shape(features.get(0), features.get(1), features.get(3), features.get(4));
        side.initialize(manager, dataType, average);
        activation.initialize(manager, dataType, Layers.withChannels(average, sideChannels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape features = inputShapes[0];
        Shape plane = new Shape(features.get(0), 1, features.get(3), features.get(4));
        return new Shape[] {features, Layers.withChannels(plane, sideChannels), plane};
    }
}
