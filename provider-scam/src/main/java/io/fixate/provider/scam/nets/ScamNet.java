package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.fixate.spi.djl.nn.BranchFusion;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the SCAM classification nets share: a visual encoder, a head (1×1 conv) from features to per-class maps x,
 * a {@link BranchFusion} that refines x into y, and a classifier that is the global average of each class map. The
 * forward output is the {@link NDList} [x, y, GAP x, GAP y] with x, y of shape (B, classes, h, w) at the encoder's
 * resolution; {@link #activations(NDList)} gives it names, CAMs and confidences.
 */
public abstract class ScamNet extends AbstractBlock implements TrainableNet {

    private static final byte VERSION = 1;

    private final InputKind input;
    private final FrameEncoder visual;
    private final int classes;
    private final float rawLossWeight;
    private final boolean confidenceFromFused;
    private final Block head;
    private final BranchFusion fusion;

    /**
     * @param input               what the net reads
     * @param masks               how many masks besides self-attention the fusion takes
     * @param rawLossWeight       weight of the raw maps' loss against 1 for the fused maps'
     * @param confidenceFromFused whether the soft filter reads the fused logits (else the raw ones)
     */
    ScamNet(InputKind input, VisualEncoder visual, int classes, int masks, float rawLossWeight,
            boolean confidenceFromFused) {
        super(VERSION);
        this.input = input;
        if (classes < 2) {
            throw new IllegalArgumentException("a classification net needs at least 2 classes, got " + classes);
        }
        this.visual = new FrameEncoder(visual);
        this.classes = classes;
        this.rawLossWeight = rawLossWeight;
        this.confidenceFromFused = confidenceFromFused;
        addChildBlock("visual", visual.block());
        head = addChildBlock("head", Layers.pointwise(classes, true));
        fusion = addChildBlock("fusion", new BranchFusion(classes, masks));
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public InputKind input() {
        return input;
    }

    /** Number of classes, the channels of the class maps. */
    @Override
    public int classes() {
        return classes;
    }

    /** The visual encoder this net was built with. */
    public VisualEncoder visualEncoder() {
        return visual.encoder();
    }

    @Override
    public Optional<FrameEncoder> frameEncoder() {
        return Optional.of(visual);
    }

    /**
     * The training loss: multilabel soft margin on the raw and on the fused logits, the raw term weighted as the
     * reference does for this net. Labels: one (B, classes) multi-hot array.
     */
    @Override
    public Loss loss() {
        return new ScamLoss(rawLossWeight);
    }

    /** The confidences the soft filter reads. */
    @Override
    public NDArray scores(NDList forwardOutput) {
        return activations(forwardOutput).confidences();
    }

    @Override
    public String architectureId() {
        return "scam/" + getClass().getSimpleName() + "/" + encoderNames() + "/" + classes;
    }

    /** The names of the net's encoders, for {@link #architectureId()}. */
    String encoderNames() {
        return visual.encoder().name();
    }

    /** Names the arrays of a forward output of this net. */
    public ClassActivations activations(NDList forwardOutput) {
        return new ClassActivations(forwardOutput.get(0), forwardOutput.get(1), forwardOutput.get(2),
                forwardOutput.get(3), confidenceFromFused);
    }

    /** Visual features (B, channels, h, w) of (B, 3, H, W) frames. */
    final NDArray features(ParameterStore parameters, NDArray frames, boolean training) {
        return visual.features(parameters, frames, training);
    }

    /** Raw class maps x of features. */
    final NDArray classMaps(ParameterStore parameters, NDArray features, boolean training) {
        return Layers.apply(head, parameters, training, features);
    }

    /** Fuses x with the net's masks and packs the forward output. */
    final NDList fuse(ParameterStore parameters, boolean training, NDArray rawMaps, NDArray... masks) {
        NDList fusionInputs = new NDList(rawMaps);
        fusionInputs.addAll(Arrays.asList(masks));
        NDArray fused = fusion.forward(parameters, fusionInputs, training).singletonOrThrow();
        return new NDList(rawMaps, fused, Layers.globalAveragePool(rawMaps), Layers.globalAveragePool(fused));
    }

    /**
     * Initialises the encoder, head and fusion for frames of {@code frameShape} and fusion masks of the given shapes.
     *
     * @return the shape of the encoder's features
     */
    final Shape initializeShared(NDManager manager, DataType dataType, Shape frameShape, Shape... maskShapes) {
        visual.encoder().block().initialize(manager, dataType, frameShape);
        Shape features = featureShape(frameShape);
        head.initialize(manager, dataType, features);
        Shape[] fusionInputs = new Shape[1 + maskShapes.length];
        fusionInputs[0] = Layers.withChannels(features, classes);
        System.arraycopy(maskShapes, 0, fusionInputs, 1, maskShapes.length);
        fusion.initialize(manager, dataType, fusionInputs);
        return features;
    }

    final Shape featureShape(Shape frameShape) {
        return visual.encoder().block().getOutputShapes(new Shape[] {frameShape})[0];
    }

    final Shape classMapShape(Shape frameShape) {
        return Layers.withChannels(featureShape(frameShape), classes);
    }

    /** All nets take the frame (or the first frame) first; their output follows its size. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape maps = classMapShape(inputShapes[0]);
        Shape logits = new Shape(maps.get(0), classes);
        return new Shape[] {maps, maps, logits, logits};
    }
}
