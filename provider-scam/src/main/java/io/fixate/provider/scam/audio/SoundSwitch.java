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
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.Optional;

/**
 * The audio switch net of the reference ({@code att_Model}, fact sheet §3): whether a frame's audio is relevant to
 * it. Inputs: frames (B, 3, H, W) and their spectrograms (B, 1, 257, T); output: (B, 2) logits, class 1 = relevant.
 * v = Lin(Cf→128)(GAP(visual encoder(frame))), a = Lin(E→128)(audio encoder(spectrogram)), both without activation;
 * y = {@link Bilinear}(a, v) (128 × 128 → 128); logits = Lin(128→2)(y). Any frame size the visual encoder takes
 * works, since the visual features are pooled.
 *
 * <p>At inference the switch is on iff logit₁ &gt; 0 ({@link #gate}), as the reference's STA/STA+ read it: logit₀
 * is ignored, so this is not the argmax the cross-entropy trains for. Kept as the reference has it, since the gate
 * decides which downstream weights were trained.
 */
public final class SoundSwitch extends AbstractBlock implements TrainableNet {

    /** Size of the joint space the bilinear layer maps into, and of both projections feeding it. */
    public static final int EMBEDDING_SIZE = 128;
    /** Index of the "audio relevant" logit. */
    public static final int RELEVANT = 1;

    private static final byte VERSION = 1;
    private static final int OUTCOMES = 2;

    private final FrameEncoder visual;
    private final AudioEncoder audio;
    private final Block visualProjection;
    private final Block audioProjection;
    private final Bilinear bilinear;
    private final Block classifier;

    /** A switch over fresh encoders, owned by this net from now on. */
    public SoundSwitch(VisualEncoder visual, AudioEncoder audio) {
        super(VERSION);
        this.visual = new FrameEncoder(visual);
        this.audio = audio;
        addChildBlock("visual", visual.block());
        addChildBlock("audio", audio.block());
        visualProjection = addChildBlock("visualProjection", Linear.builder().setUnits(EMBEDDING_SIZE).build());
        audioProjection = addChildBlock("audioProjection", Linear.builder().setUnits(EMBEDDING_SIZE).build());
        bilinear = addChildBlock("bilinear", new Bilinear(EMBEDDING_SIZE, EMBEDDING_SIZE, EMBEDDING_SIZE));
        classifier = addChildBlock("classifier", Linear.builder().setUnits(OUTCOMES).build());
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public InputKind input() {
        return InputKind.FRAME_AND_AUDIO;
    }

    /** Two: irrelevant (0) and relevant ({@value #RELEVANT}). */
    @Override
    public int classes() {
        return OUTCOMES;
    }

    /** The logits; their argmax is what the cross-entropy trains for, while {@link #gate} reads logit₁ alone. */
    @Override
    public NDArray scores(NDList forwardOutput) {
        return forwardOutput.singletonOrThrow();
    }

    @Override
    public String architectureId() {
        return "scam/SoundSwitch/" + visual.encoder().name() + "+" + audio.name();
    }

    /** The visual encoder this net was built with. */
    public VisualEncoder visualEncoder() {
        return visual.encoder();
    }

    @Override
    public Optional<FrameEncoder> frameEncoder() {
        return Optional.of(visual);
    }

    /** The audio encoder this net was built with. */
    public AudioEncoder audioEncoder() {
        return audio;
    }

    /** Softmax cross-entropy on the two logits; labels are one (B, 2) one-hot array (column 1 = relevant). */
    @Override
    public Loss loss() {
        return CrossEntropy.onOneHotLabels("SoundSwitchLoss");
    }

    /**
     * The switch of each sample from this net's (B, 2) logits: 1 where logit₁ &gt; 0, else 0, shaped (B, 1, 1, 1) so
     * that it multiplies (B, C, H, W) masks, as STA+ does with its audio-visual mask. Owned by the logits' manager.
     */
    public static NDArray gate(NDArray logits) {
        return logits.get(":, " + RELEVANT).gt(0).toType(DataType.FLOAT32, false)
                .reshape(logits.getShape().get(0), 1, 1, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray features = visual.features(parameters, inputs.get(0), training);
        NDArray visualEmbedding = visualProjection.forward(parameters, new NDList(globalAveragePool(features)),
                training).singletonOrThrow();
        NDList audioEmbedding = audioProjection.forward(parameters,
                audio.block().forward(parameters, new NDList(inputs.get(1)), training), training);
        NDList joint = bilinear.forward(parameters, new NDList(audioEmbedding.singletonOrThrow(), visualEmbedding),
                training);
        return classifier.forward(parameters, joint, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        visual.encoder().block().initialize(manager, dataType, inputShapes[0]);
        audio.block().initialize(manager, dataType, inputShapes[1]);
        visualProjection.initialize(manager, dataType, new Shape(batch, visual.encoder().channels()));
        audioProjection.initialize(manager, dataType, new Shape(batch, audio.embeddingSize()));
        Shape embedding = new Shape(batch, EMBEDDING_SIZE);
        bilinear.initialize(manager, dataType, embedding, embedding);
        classifier.initialize(manager, dataType, embedding);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), OUTCOMES)};
    }

    /** The spatial mean of (B, C, H, W) maps as (B, C); a mean over two axes at once fails in DJL, hence the reshape. */
    private static NDArray globalAveragePool(NDArray maps) {
        Shape shape = maps.getShape();
        return maps.reshape(shape.get(0), shape.get(1), -1).mean(new int[] {2});
    }
}
