package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.VisualEncoder;

/**
 * Net S: one frame. Input: the frame (B, 3, H, W). x = head(features); y = fusion of the self-attention branch
 * ReLU(x + SA(x)) alone. Loss MLSM(GAP x) + MLSM(GAP y); the soft filter reads GAP x, as in the reference.
 */
public final class SNet extends ScamNet {

    public SNet(VisualEncoder visual, int classes) {
        super(InputKind.FRAME, visual, classes, 0, 1f, false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray rawMaps = classMaps(parameters, features(parameters, inputs.singletonOrThrow(), training), training);
        return fuse(parameters, training, rawMaps);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initializeShared(manager, dataType, inputShapes[0]);
    }
}
