package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.Layers;

/**
 * One relevance-guided audio-visual fusion (RAVF) block of the paper: visual tokens v (B, N_v, W), the positions of
 * the lowest-resolution visual feature, and audio tokens a (B, N_a, W), one per frame, each get a query, a key and a
 * value (six affine maps); per head of size d, the retention of the audio values by each visual position is
 * RetA = σ(Q_v K_aᵀ/√d) and that of the visual values by each audio token RetV = σ(Q_a K_vᵀ/√d), and
 * Att_v = RetA·V_a + V_v, Att_a = RetV·V_v + V_a ({@link #relevanceAttention}). A sigmoid and not a softmax: every
 * retention lies in (0, 1) on its own, without normalisation across keys, so where the audio is irrelevant the net
 * can retain none of it (a softmax would have to spread a total of 1 over the audio tokens). An MLP over the heads'
 * pooled Att_v and Att_a gives each head a weight σ(·) in (0, 1) that scales its outputs. Then, for each modality,
 * residual + LayerNorm, a feed-forward layer (W → 2W → W, ReLU), residual + LayerNorm.
 *
 * <p>The paper's equations were lost in extraction: σ, the √d scale and the head-weight MLP (its input the mean over
 * tokens of each head's Att_v and Att_a, one hidden layer of W units) are this implementation's reading of its prose.
 * Forward: [v, a] to [v', a'] of the same shapes.
 */
public final class RelevanceFusion extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final int heads;
    private final Block queryVisual;
    private final Block keyVisual;
    private final Block valueVisual;
    private final Block queryAudio;
    private final Block keyAudio;
    private final Block valueAudio;
    private final Block headWeights;
    private final Block visualNorm;
    private final Block audioNorm;
    private final Block visualFeedForward;
    private final Block audioFeedForward;
    private final Block visualOutputNorm;
    private final Block audioOutputNorm;

    /** A block over tokens of {@code width} channels with {@code heads} heads, which must divide it. */
    public RelevanceFusion(int width, int heads) {
        super(VERSION);
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException(heads + " heads do not divide the width " + width);
        }
        this.width = width;
        this.heads = heads;
        queryVisual = addChildBlock("queryVisual", affine(width));
        keyVisual = addChildBlock("keyVisual", affine(width));
        valueVisual = addChildBlock("valueVisual", affine(width));
        queryAudio = addChildBlock("queryAudio", affine(width));
        keyAudio = addChildBlock("keyAudio", affine(width));
        valueAudio = addChildBlock("valueAudio", affine(width));
        headWeights = addChildBlock("headWeights", new SequentialBlock().add(affine(width))
                .add(Activation.reluBlock()).add(affine(heads)));
        visualNorm = addChildBlock("visualNorm", norm());
        audioNorm = addChildBlock("audioNorm", norm());
        visualFeedForward = addChildBlock("visualFeedForward", feedForward(width));
        audioFeedForward = addChildBlock("audioFeedForward", feedForward(width));
        visualOutputNorm = addChildBlock("visualOutputNorm", norm());
        audioOutputNorm = addChildBlock("audioOutputNorm", norm());
    }

    /**
     * The relevance-aware cross-attention without its weights: queries, keys and values (B, N, W) of each modality
     * split into {@code heads} heads. Returns [Att_v (B, N_v, W), Att_a (B, N_a, W), RetA (B, heads, N_v, N_a),
     * RetV (B, heads, N_a, N_v)].
     */
    public static NDList relevanceAttention(NDArray queryVisual, NDArray keyVisual, NDArray valueVisual,
                                            NDArray queryAudio, NDArray keyAudio, NDArray valueAudio, int heads) {
        long size = queryVisual.getShape().get(2) / heads;
        double scale = 1 / Math.sqrt(size);
        NDArray qv = split(queryVisual, heads);
        NDArray kv = split(keyVisual, heads);
        NDArray vv = split(valueVisual, heads);
        NDArray qa = split(queryAudio, heads);
        NDArray ka = split(keyAudio, heads);
        NDArray va = split(valueAudio, heads);
        NDArray retainAudio = Activation.sigmoid(qv.matMul(ka.swapAxes(2, 3)).mul(scale));
        NDArray retainVisual = Activation.sigmoid(qa.matMul(kv.swapAxes(2, 3)).mul(scale));
        NDArray attendedVisual = retainAudio.matMul(va).add(vv);
        NDArray attendedAudio = retainVisual.matMul(vv).add(va);
        return new NDList(merge(attendedVisual), merge(attendedAudio), retainAudio, retainVisual);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray visual = inputs.get(0);
        NDArray audio = inputs.get(1);
        NDList attention = relevanceAttention(Layers.apply(queryVisual, parameters, training, visual),
                Layers.apply(keyVisual, parameters, training, visual),
                Layers.apply(valueVisual, parameters, training, visual),
                Layers.apply(queryAudio, parameters, training, audio),
                Layers.apply(keyAudio, parameters, training, audio),
                Layers.apply(valueAudio, parameters, training, audio), heads);
        NDArray attendedVisual = split(attention.get(0), heads);
        NDArray attendedAudio = split(attention.get(1), heads);
        // per head: mean over tokens of Att_v and Att_a side by side, (B, heads, 2d), flattened to (B, 2W)
        long batch = visual.getShape().get(0);
        NDArray pooled = attendedVisual.mean(new int[] {2}).concat(attendedAudio.mean(new int[] {2}), 2)
                .reshape(batch, 2L * width);
        NDArray weights = Activation.sigmoid(Layers.apply(headWeights, parameters, training, pooled))
                .reshape(batch, heads, 1, 1);
        NDArray weightedVisual = merge(attendedVisual.mul(weights));
        NDArray weightedAudio = merge(attendedAudio.mul(weights));
        return new NDList(refine(parameters, training, visual, weightedVisual, visualNorm, visualFeedForward,
                visualOutputNorm), refine(parameters, training, audio, weightedAudio, audioNorm, audioFeedForward,
                audioOutputNorm));
    }

    /** LN(x + FFN(x)) with x = LN(tokens + attended): the transformer layer's two residual steps. */
    private static NDArray refine(ParameterStore parameters, boolean training, NDArray tokens, NDArray attended,
                                  Block norm, Block feedForward, Block outputNorm) {
        NDArray mixed = Layers.apply(norm, parameters, training, tokens.add(attended));
        return Layers.apply(outputNorm, parameters, training,
                mixed.add(Layers.apply(feedForward, parameters, training, mixed)));
    }

    /** (B, N, W) to (B, heads, N, W / heads). */
    private static NDArray split(NDArray tokens, int heads) {
        Shape shape = tokens.getShape();
        return tokens.reshape(shape.get(0), shape.get(1), heads, shape.get(2) / heads).transpose(0, 2, 1, 3);
    }

    /** (B, heads, N, d) back to (B, N, heads · d). */
    private static NDArray merge(NDArray perHead) {
        Shape shape = perHead.getShape();
        return perHead.transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(2), shape.get(1) * shape.get(3));
    }

    private static Block affine(int units) {
        return Linear.builder().setUnits(units).build();
    }

    private static Block norm() {
        return LayerNorm.builder().axis(2).build();
    }

    private static Block feedForward(int width) {
        return new SequentialBlock().add(affine(2 * width)).add(Activation.reluBlock()).add(affine(width));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape visual = inputShapes[0];
        Shape audio = inputShapes[1];
        for (Block block : new Block[] {queryVisual, keyVisual, valueVisual, visualNorm, visualFeedForward,
            visualOutputNorm}) {
            block.initialize(manager, dataType, visual);
        }
        for (Block block : new Block[] {queryAudio, keyAudio, valueAudio, audioNorm, audioFeedForward,
            audioOutputNorm}) {
            block.initialize(manager, dataType, audio);
        }
        headWeights.initialize(manager, dataType, new Shape(visual.get(0), 2L * width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }
}
