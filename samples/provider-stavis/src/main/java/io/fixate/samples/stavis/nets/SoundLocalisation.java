package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.Layers;

/**
 * STAViS's sound source localisation, the bilinear variant the paper keeps: from mid-level visual features f_v (B, C,
 * h, w), already averaged over time, and an audio embedding f_a (B, E), the projections h_v = ReLU(U_v f_v) (a 1×1
 * convolution, per position) and h_a = ReLU(U_a f_a), both of {@code hidden} channels, and K localisation maps
 * L_j(x, y) = h_aᵀ M_j h_v(x, y) + β_j (B, K, h, w). The K bilinear forms M_j are held as one linear map without bias
 * from h_a to K·hidden values, w = W h_a, so that L_j(x, y) = Σ_e w[j·hidden + e] · h_v[e](x, y): M_j is the
 * transpose of rows j·hidden … (j + 1)·hidden − 1 of W. The cosine and weighted inner-product variants of the paper
 * are special cases (M_j the identity, or diagonal).
 */
public final class SoundLocalisation extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int maps;
    private final int hidden;
    private final Block visualProjection;
    private final Block audioProjection;
    private final Block bilinear;
    private final Parameter offsets;

    /** K = {@code maps} localisation maps through projections of {@code hidden} channels (128 in the paper). */
    public SoundLocalisation(int maps, int hidden) {
        super(VERSION);
        this.maps = maps;
        this.hidden = hidden;
        visualProjection = addChildBlock("visualProjection", Layers.pointwise(hidden, true));
        audioProjection = addChildBlock("audioProjection", Linear.builder().setUnits(hidden).build());
        bilinear = addChildBlock("bilinear", Linear.builder().setUnits((long) maps * hidden).optBias(false).build());
        offsets = addParameter(Parameter.builder().setName("offsets").setType(Parameter.Type.BIAS)
                .optShape(new Shape(maps)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray visual = inputs.get(0);
        NDArray audio = inputs.get(1);
        Shape shape = visual.getShape();
        long batch = shape.get(0);
        NDArray hv = Activation.relu(Layers.apply(visualProjection, parameters, training, visual));
        NDArray ha = Activation.relu(Layers.apply(audioProjection, parameters, training, audio));
        NDArray weights = Layers.apply(bilinear, parameters, training, ha).reshape(batch, maps, hidden);
        // (B, N, hidden) · (B, hidden, K) = (B, N, K), so that the offsets add along the last axis: an operation's
        // result lives with its left operand, and a reshaped parameter would live (and stay) with the parameters
        NDArray positions = hv.reshape(batch, hidden, -1).transpose(0, 2, 1).matMul(weights.transpose(0, 2, 1));
        NDArray localisation = positions.add(parameters.getValue(offsets, visual.getDevice(), training));
        return new NDList(localisation.transpose(0, 2, 1).reshape(batch, maps, shape.get(2), shape.get(3)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        visualProjection.initialize(manager, dataType, inputShapes[0]);
        audioProjection.initialize(manager, dataType, inputShapes[1]);
        bilinear.initialize(manager, dataType, new Shape(inputShapes[1].get(0), hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(inputShapes[0], maps)};
    }
}
