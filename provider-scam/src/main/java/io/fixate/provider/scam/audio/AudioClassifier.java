package io.fixate.provider.scam.audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import io.fixate.provider.scam.nets.FrameEncoder;
import io.fixate.provider.scam.nets.InputKind;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.spi.djl.nn.AudioEncoder;

import java.util.Optional;

/**
 * An audio-only classifier over the dataset's tags: an audio encoder (see {@link
 * io.fixate.spi.djl.nn.Encoders#audio}) and a linear layer from its embedding to one logit per class. Input:
 * (B, 1, 257, T) spectrograms; output: (B, classes) logits. It stands in for the reference's VGGSound classifier, whose
 * top-1 class decides the switch labels ({@link SwitchLabels}); trained on the dataset's own tags, its classes are
 * the tags themselves, so no keyword mapping between two label sets is needed.
 */
public final class AudioClassifier extends AbstractBlock implements TrainableNet {

    private static final byte VERSION = 1;

    private final AudioEncoder encoder;
    private final int classes;
    private final Block classifier;

    /**
     * @param encoder a fresh audio encoder, owned by this net from now on
     * @param classes number of tags, at least 2
     */
    public AudioClassifier(AudioEncoder encoder, int classes) {
        super(VERSION);
        if (classes < 2) {
            throw new IllegalArgumentException("an audio classifier needs at least 2 classes, got " + classes);
        }
        this.encoder = encoder;
        this.classes = classes;
        addChildBlock("audio", encoder.block());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public InputKind input() {
        return InputKind.AUDIO;
    }

    /** Number of classes, the length of each logit row. */
    @Override
    public int classes() {
        return classes;
    }

    /** The audio encoder this net was built with. */
    public AudioEncoder audioEncoder() {
        return encoder;
    }

    /** Softmax cross-entropy on the logits; labels are one (B, classes) one-hot array. */
    @Override
    public Loss loss() {
        return CrossEntropy.onOneHotLabels("AudioClassifierLoss");
    }

    /** The logits. */
    @Override
    public NDArray scores(NDList forwardOutput) {
        return forwardOutput.singletonOrThrow();
    }

    /** None: the classifier only hears. */
    @Override
    public Optional<FrameEncoder> frameEncoder() {
        return Optional.empty();
    }

    @Override
    public String architectureId() {
        return "scam/AudioClassifier/" + encoder.name() + "/" + classes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList embedding = encoder.block().forward(parameters, new NDList(inputs.singletonOrThrow()), training);
        return classifier.forward(parameters, embedding, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.block().initialize(manager, dataType, inputShapes[0]);
        classifier.initialize(manager, dataType, new Shape(inputShapes[0].get(0), encoder.embeddingSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }
}
