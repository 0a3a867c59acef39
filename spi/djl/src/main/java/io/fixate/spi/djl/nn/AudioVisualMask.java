package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The audio-visual mask AV(a, F) of the reference (fact sheet §2), with its sizes as parameters. Inputs: the audio
 * embedding a (B, E) and the visual feature map F (B, Cf, H, W). V = c1(Cf→k')(F); u_a = Lin(E→k')(a) as a column,
 * u_v = Lin(Cf→k')(GAP F) as a row; W = softmax over the last index of u_a·u_v (k' × k'); Z = W·V; the output is the
 * spatial mask σ(c1(k→1)(ReLU(c1(k'→k)(Z)))) of shape (B, 1, H, W).
 */
public final class AudioVisualMask extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int attentionSize;
    private final int hiddenSize;
    private final Block visualValues;
    private final Block audioProjection;
    private final Block visualProjection;
    private final Block hidden;
    private final Block mask;

    /**
     * @param attentionSize k', the size of the joint audio-visual space (128 in the reference)
     * @param hiddenSize    k, the channels between the attended map and the mask (28 or 32 in the reference)
     */
    public AudioVisualMask(int attentionSize, int hiddenSize) {
        super(VERSION);
        this.attentionSize = attentionSize;
        this.hiddenSize = hiddenSize;
        visualValues = addChildBlock("visualValues", Layers.pointwise(attentionSize, true));
        audioProjection = addChildBlock("audioProjection", Linear.builder().setUnits(attentionSize).build());
        visualProjection = addChildBlock("visualProjection", Linear.builder().setUnits(attentionSize).build());
        hidden = addChildBlock("hidden", Layers.pointwise(hiddenSize, true));
        mask = addChildBlock("mask", Layers.pointwise(1, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray audio = inputs.get(0);
        NDArray features = inputs.get(1);
        Shape shape = features.getShape();
        long batch = shape.get(0);
        NDArray values = Layers.apply(visualValues, parameters, training, features).reshape(batch, attentionSize, -1);
        NDArray audioColumn = Layers.apply(audioProjection, parameters, training, audio)
                .reshape(batch, attentionSize, 1);
        NDArray visualRow = Layers.apply(visualProjection, parameters, training, Layers.globalAveragePool(features))
                .reshape(batch, 1, attentionSize);
        NDArray weights = audioColumn.batchMatMul(visualRow).softmax(2);
        NDArray attended = weights.batchMatMul(values).reshape(Layers.withChannels(shape, attentionSize));
        NDArray hiddenMaps = Activation.relu(Layers.apply(hidden, parameters, training, attended));
        return new NDList(Activation.sigmoid(Layers.apply(mask, parameters, training, hiddenMaps)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape audio = inputShapes[0];
        Shape features = inputShapes[1];
        visualValues.initialize(manager, dataType, features);
        audioProjection.initialize(manager, dataType, audio);
        visualProjection.initialize(manager, dataType, new Shape(features.get(0), features.get(1)));
        hidden.initialize(manager, dataType, Layers.withChannels(features, attentionSize));
        mask.initialize(manager, dataType, Layers.withChannels(features, hiddenSize));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(inputShapes[1], 1)};
    }
}
