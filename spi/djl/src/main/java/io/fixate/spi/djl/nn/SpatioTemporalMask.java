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
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The spatio-temporal mask of the reference (fact sheet §2). Inputs: three (B, C, H, W) maps, the frame being refined
 * in the middle. They are stacked to (B, 3, C, H, W) and <em>reshaped</em> (not permuted) to (B, C, 3, H, W), which
 * interleaves channels and frames exactly as the reference does, so its weights would carry over; then Conv3d C→C
 * k(3,1,1) without padding folds the three slots into one, two Conv3d k(1,3,3) pad (0,1,1) mix space (C→C, C→C'), and
 * a sigmoid gives the (B, C', H, W) mask.
 */
public final class SpatioTemporalMask extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int FRAMES = 3;

    private final int channels;
    private final Block temporal;
    private final Block spatial;
    private final Block output;

    /**
     * @param channels     C, channels of each input map
     * @param maskChannels C', channels of the mask (C in ST, 1 in STA+)
     */
    public SpatioTemporalMask(int channels, int maskChannels) {
        super(VERSION);
        this.channels = channels;
        temporal = addChildBlock("temporal", conv3d(channels, new Shape(FRAMES, 1, 1), new Shape(0, 0, 0)));
        spatial = addChildBlock("spatial", conv3d(channels, new Shape(1, 3, 3), new Shape(0, 1, 1)));
        output = addChildBlock("output", conv3d(maskChannels, new Shape(1, 3, 3), new Shape(0, 1, 1)));
    }

    private static Block conv3d(int filters, Shape kernel, Shape padding) {
        return Conv3d.builder().setFilters(filters).setKernelShape(kernel).optPadding(padding).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != FRAMES) {
            throw new IllegalArgumentException("the spatio-temporal mask takes " + FRAMES + " maps, got "
                    + inputs.size());
        }
        NDArray folded = Layers.apply(temporal, parameters, training, interleave(inputs));
        NDArray mixed = Layers.apply(spatial, parameters, training, folded);
        NDArray mask = Layers.apply(output, parameters, training, mixed).squeeze(2);
        return new NDList(Activation.sigmoid(mask));
    }

    /** The (B, C, 3, H, W) volume the reference builds from three (B, C, H, W) maps: stack, then reshape. */
    public static NDArray interleave(NDList maps) {
        Shape map = maps.get(0).getShape();
        return NDArrays.stack(maps, 1).reshape(volumeShape(map, map.get(1)));
    }

    private static Shape volumeShape(Shape map, long channels) {
        return new Shape(map.get(0), channels, FRAMES, map.get(2), map.get(3));
    }

    private Shape foldedShape(Shape map) {
        return new Shape(map.get(0), channels, 1, map.get(2), map.get(3));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        temporal.initialize(manager, dataType, volumeShape(inputShapes[0], channels));
        spatial.initialize(manager, dataType, foldedShape(inputShapes[0]));
        output.initialize(manager, dataType, foldedShape(inputShapes[0]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape folded = output.getOutputShapes(new Shape[] {foldedShape(inputShapes[0])})[0];
        return new Shape[] {new Shape(folded.get(0), folded.get(1), folded.get(3), folded.get(4))};
    }
}
