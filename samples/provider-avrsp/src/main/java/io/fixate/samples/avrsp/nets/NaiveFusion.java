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
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.Layers;

/**
 * The fusions the paper's Table V sets against RAVF, in its place: the audio tokens (B, N_a, W) averaged over time
 * into one vector a (B, W), broadcast over every position of the lowest-resolution visual feature F (B, W, T, h, w),
 * then F + a ({@link Fusion#ADD}), F ⊙ a ({@link Fusion#MUL}), ReLU(c1(cat(F, a))) ({@link Fusion#CONCAT}) or the
 * low-rank bilinear c1(ReLU(c1(F)) ⊙ ReLU(L(a))) ({@link Fusion#BILINEAR}), c1 a 1×1×1 convolution and L a linear map.
 * None of them can tell relevant from irrelevant sound, which is what the comparison is about. Forward: [F, audio
 * tokens] to [fused F], of F's shape.
 */
public final class NaiveFusion extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Fusion fusion;
    private final Block visualProjection;
    private final Block audioProjection;
    private final Block output;

    /** The naive fusion {@code fusion} (not {@link Fusion#RAVF}) of features with {@code width} channels. */
    public NaiveFusion(Fusion fusion, int width) {
        super(VERSION);
        if (fusion == Fusion.RAVF) {
            throw new IllegalArgumentException("RAVF is not a naive fusion");
        }
        this.fusion = fusion;
        boolean bilinear = fusion == Fusion.BILINEAR;
        visualProjection = bilinear ? addChildBlock("visualProjection", pointwise(width)) : null;
        audioProjection = bilinear ? addChildBlock("audioProjection", Linear.builder().setUnits(width).build()) : null;
        output = bilinear || fusion == Fusion.CONCAT ? addChildBlock("output", pointwise(width)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray visual = inputs.get(0);
        NDArray audio = inputs.get(1).mean(new int[] {1});
        Shape shape = visual.getShape();
        NDArray vector = audio.reshape(shape.get(0), shape.get(1), 1, 1, 1);
        NDArray fused = switch (fusion) {
            case ADD -> visual.add(vector);
            case MUL -> visual.mul(vector);
            case CONCAT -> Activation.relu(Layers.apply(output, parameters, training,
                    visual.concat(vector.broadcast(shape), 1)));
            case BILINEAR -> {
                NDArray projected = Activation.relu(Layers.apply(audioProjection, parameters, training, audio))
                        .reshape(shape.get(0), shape.get(1), 1, 1, 1);
                yield Layers.apply(output, parameters, training,
                        Activation.relu(Layers.apply(visualProjection, parameters, training, visual)).mul(projected));
            }
            case RAVF -> throw new IllegalStateException("RAVF is not a naive fusion");
        };
        return new NDList(fused);
    }

    private static Block pointwise(int filters) {
        return Conv3d.builder().setKernelShape(new Shape(1, 1, 1)).setFilters(filters).build();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape visual = inputShapes[0];
        if (fusion == Fusion.BILINEAR) {
            visualProjection.initialize(manager, dataType, visual);
            audioProjection.initialize(manager, dataType, new Shape(visual.get(0), visual.get(1)));
            output.initialize(manager, dataType, visual);
        } else if (fusion == Fusion.CONCAT) {
            output.initialize(manager, dataType, new Shape(visual.get(0), 2 * visual.get(1), visual.get(2),
                    visual.get(3), visual.get(4)));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
