package io.fixate.samples.avrsp.nets;

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
import io.fixate.spi.djl.nn.Layers;

/**
 * One multi-scale regulator gate (MRG) of the paper: the fused audio-visual feature A (B, W, T, h, w) of a coarser
 * scale, upsampled ×2 to the next finer scale, is weighted per channel by g = σ(GAP(C3D(cat(F̂_i, up(A))))), F̂_i the
 * (B, W, T, 2h, 2w) visual feature of that scale, so A' = g ⊙ up(A) carries to the finer scale only what its visual
 * feature finds useful. C3D is a 3×3×3 convolution 2W → W; GAP averages over time and space. Forward: [F̂_i, A] to
 * [A' (B, W, T, 2h, 2w), g (B, W)].
 */
public final class RegulatorGate extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block gate;

    /** A gate over features of {@code width} channels. */
    public RegulatorGate(int width) {
        super(VERSION);
        gate = addChildBlock("gate", MultiScaleSynergy.convolution(width, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray visual = inputs.get(0);
        NDArray upsampled = Upsampling.nearest(inputs.get(1), 2);
        NDArray logits = Layers.apply(gate, parameters, training, visual.concat(upsampled, 1));
        Shape shape = logits.getShape();
        NDArray g = Activation.sigmoid(logits.reshape(shape.get(0), shape.get(1), -1).mean(new int[] {2}));
        return new NDList(upsampled.mul(g.reshape(shape.get(0), shape.get(1), 1, 1, 1)), g);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape visual = inputShapes[0];
        gate.initialize(manager, dataType, new Shape(visual.get(0), 2 * visual.get(1), visual.get(2), visual.get(3),
                visual.get(4)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape visual = inputShapes[0];
        return new Shape[] {visual, new Shape(visual.get(0), visual.get(1))};
    }
}
