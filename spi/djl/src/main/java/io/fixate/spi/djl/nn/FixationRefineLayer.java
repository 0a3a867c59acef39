package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The fixation refine layer, FRL (journal Eqs. 9–10), a block without parameters for any (B, C, H, W) maps (a C-GCN
 * node, or any net's class or fixation maps). With c the channel mean of one sample (H × W):
 * <pre>
 * rMASK = 1[c &lt; T_d · max(c)]                                              (9)
 * h'    = ½ · [h ⊙ (T_r · σ(c) ⊙ rMASK + σ(c) ⊙ (1 − rMASK)) + h]           (10)
 * </pre>
 * The papers' prose says the mask marks the large responses; Eq. 10 as printed and the reference code mark the
 * <em>low</em> ones, and so does this layer (the spec's decision): responses under T_d of the peak are damped by T_r.
 * The mask is a step, so no gradient flows through it; the maximum is taken per sample.
 */
public final class FixationRefineLayer extends AbstractBlock {

    /** T_d of the papers and the reference. */
    public static final float DEFAULT_DROP_THRESHOLD = 0.8f;
    /** T_r of the papers and the reference. */
    public static final float DEFAULT_REFINE_RATE = 0.6f;

    private static final byte VERSION = 1;

    private final float dropThreshold;
    private final float refineRate;

    /** The layer with the papers' T_d = 0.8 and T_r = 0.6. */
    public FixationRefineLayer() {
        this(DEFAULT_DROP_THRESHOLD, DEFAULT_REFINE_RATE);
    }

    /**
     * @param dropThreshold T_d: a position is low when its channel mean is under T_d times the sample's maximum
     * @param refineRate    T_r: the extra factor on the sigmoid gate of the low positions
     */
    public FixationRefineLayer(float dropThreshold, float refineRate) {
        super(VERSION);
        if (!(dropThreshold > 0 && dropThreshold <= 1) || !(refineRate >= 0 && refineRate <= 1)) {
            throw new IllegalArgumentException("FRL needs 0 < T_d <= 1 and 0 <= T_r <= 1, got T_d " + dropThreshold
                    + ", T_r " + refineRate);
        }
        this.dropThreshold = dropThreshold;
        this.refineRate = refineRate;
    }

    /** Refines (B, C, H, W) maps by Eqs. 9–10. */
    public NDArray refine(NDArray maps) {
        long batch = maps.getShape().get(0);
        NDArray channelMean = maps.mean(new int[] {1}, true);
        NDArray peak = channelMean.reshape(batch, -1).max(new int[] {1}, true).reshape(batch, 1, 1, 1);
        NDArray low = channelMean.lt(peak.mul(dropThreshold)).toType(maps.getDataType(), false);
        NDArray gate = Activation.sigmoid(channelMean);
        NDArray damping = low.mul(refineRate - 1).add(1);
        return maps.mul(gate.mul(damping)).add(maps).div(2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(refine(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
