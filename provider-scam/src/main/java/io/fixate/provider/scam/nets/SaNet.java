package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.AudioVisualMask;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

/**
 * Net SA: a frame and its audio. Inputs: the frame (B, 3, H, W) and its log-spectrogram (B, 1, 257, T). x =
 * head(features) is fused with the self-attention branch and the branch gated by the {@link AudioVisualMask} of the
 * audio embedding and the visual features. Loss MLSM(GAP x) + MLSM(GAP y); the soft filter reads GAP y.
 */
public final class SaNet extends ScamNet {

    /** Joint audio-visual size k' of the mask, scaled down from the reference's 128 with the compact encoders. */
    static final int ATTENTION_SIZE = 32;
    /** Hidden channels k of the mask, scaled down from the reference's 28. */
    static final int HIDDEN_SIZE = 16;

    private final AudioEncoder audio;
    private final AudioVisualMask audioVisualMask;

    public SaNet(VisualEncoder visual, AudioEncoder audio, int classes) {
        super(InputKind.FRAME_AND_AUDIO, visual, classes, 1, 1f, true);
        this.audio = audio;
        addChildBlock("audio", audio.block());
        audioVisualMask = addChildBlock("audioVisualMask", new AudioVisualMask(ATTENTION_SIZE, HIDDEN_SIZE));
    }

    /** The audio encoder this net was built with. */
    public AudioEncoder audioEncoder() {
        return audio;
    }

    @Override
    String encoderNames() {
        return super.encoderNames() + "+" + audio.name();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("SA takes a frame and its spectrogram, got " + inputs.size()
                    + " arrays");
        }
        NDArray features = features(parameters, inputs.get(0), training);
        NDArray embedding = Layers.apply(audio.block(), parameters, training, inputs.get(1));
        NDArray mask = Layers.apply(audioVisualMask, parameters, training, embedding, features);
        return fuse(parameters, training, classMaps(parameters, features, training), mask);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape features = featureShape(inputShapes[0]);
        Shape mask = Layers.withChannels(features, 1);
        initializeShared(manager, dataType, inputShapes[0], mask);
        audio.block().initialize(manager, dataType, inputShapes[1]);
        Shape embedding = new Shape(inputShapes[1].get(0), audio.embeddingSize());
        audioVisualMask.initialize(manager, dataType, embedding, features);
    }
}
