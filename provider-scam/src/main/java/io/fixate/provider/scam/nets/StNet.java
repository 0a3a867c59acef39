package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.SpatioTemporalMask;
import io.fixate.spi.djl.nn.VisualEncoder;

/**
 * Net ST: three frames. Inputs: the previous, current and next frames, each (B, 3, H, W). All three go through the
 * shared encoder and head; the current frame's maps x are fused with the self-attention branch and the branch gated
 * by the {@link SpatioTemporalMask} of (x_prev, x, x_next). Loss 0.4·MLSM(GAP x) + MLSM(GAP y); the soft filter reads
 * GAP y, as in the reference. Unlike the reference, which also refines and supervises the two neighbours, only the
 * current frame is refined: the outputs are those of the frame whose CAM is wanted.
 */
public final class StNet extends ScamNet {

    private static final int FRAMES = 3;

    private final SpatioTemporalMask temporalMask;

    public StNet(VisualEncoder visual, int classes) {
        super(InputKind.FRAME_TRIPLE, visual, classes, 1, 0.4f, true);
        temporalMask = addChildBlock("temporalMask", new SpatioTemporalMask(classes, classes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != FRAMES) {
            throw new IllegalArgumentException("ST takes the previous, current and next frames, got "
                    + inputs.size() + " arrays");
        }
        // One encoder pass over the three frames stacked along the batch axis.
        NDArray frames = NDArrays.concat(inputs, 0);
        NDList perFrame = classMaps(parameters, features(parameters, frames, training), training).split(FRAMES, 0);
        NDArray mask = temporalMask.forward(parameters, perFrame, training).singletonOrThrow();
        return fuse(parameters, training, perFrame.get(1), mask);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape maps = classMapShape(inputShapes[0]);
        initializeShared(manager, dataType, inputShapes[0], maps);
        temporalMask.initialize(manager, dataType, maps, maps, maps);
    }
}
