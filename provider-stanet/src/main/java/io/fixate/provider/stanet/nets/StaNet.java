package io.fixate.provider.stanet.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.AudioVisualMask;
import io.fixate.spi.djl.nn.BranchFusion;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.SpatioTemporalMask;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.List;

/**
 * The STA net of STANet (fact sheet §3 "STA"). Inputs: the previous, current and next frames t−1, t, t+1, each (B, 3,
 * H, W) and normalised as the visual encoder declares, and frame t's audio window as the audio encoder takes it
 * ({@link io.fixate.spi.djl.AudioPreprocessor}: the compact encoder's log-spectrogram (B, 1, 257, T) of half a second,
 * YAMNet's (B, 15600) raw samples). The reference feeds the audio of all three frames but only frame t's reaches the
 * fused map, so one window, the centre frame's, is enough here.
 *
 * <p>The three frames share one encoder pass ({@link #encode}, which a stream may run once per frame and feed to
 * {@link #decode} for each window the frame belongs to); its three deepest depths F_shallow, F_mid, F_deep are brought to
 * {@value #WIDTH} channels by 1×1 convolutions (d_shallow, d_mid and x). The x of frame t is fused with a {@link
 * BranchFusion} merged by a 3×3 convolution: y = c3(cat(ReLU(x + SA(x)), ReLU(x + x⊙m_st), ReLU(x + x⊙AV(a, F_deep)))),
 * m_st the {@value #WIDTH}-channel {@link SpatioTemporalMask} of the three frames' x and AV the {@link
 * AudioVisualMask} of the audio embedding a and frame t's F_deep. As in the reference's fusion the merge has no ReLU;
 * unlike it there is no ConvGRU after the fusion: the paper describes none, and in the reference code it only mixes y
 * with x once more.
 * The decoder is the reference's: r = ReLU(c3(cat(up(y), d_mid)) + d_mid), r ← up(r), r' = ReLU(c3(cat(r, d_shallow))
 * + r), each {@code up} bilinear to the size of the next skip map; one 1×1 readout on r and one on r' give logits that
 * are upsampled bilinearly (align_corners false) to H × W.
 *
 * <p>Forward output: [finest logits (B, 1, H, W) from r', coarser logits (B, 1, H, W) from r]; σ of the finest is the
 * prediction, and {@link StaLoss} supervises both. The output follows the frame size; the encoder's depths set the
 * resolution of the decoder (the compact encoder's 2, 4 and 8 put r' at half the frame size).
 */
public final class StaNet extends AbstractBlock {

    /** k, the channels of every map after the encoder (32 in the reference). */
    public static final int WIDTH = 32;
    /** k' of the audio-visual mask, scaled down from the reference's 128 as in SCAM's SA net. */
    static final int ATTENTION_SIZE = 32;

    private static final byte VERSION = 1;
    private static final int FRAMES = 3;
    private static final int CURRENT = 1;
    /** The net reads the encoder's three deepest depths, like F3, F4, F5 of the reference's ResNeXt. */
    private static final int DEPTHS = 3;

    private final VisualEncoder visual;
    private final AudioEncoder audio;
    private final List<VisualEncoder.Depth> depths;
    private final Block shallowProjection;
    private final Block middleProjection;
    private final Block deepProjection;
    private final SpatioTemporalMask temporalMask;
    private final AudioVisualMask audioVisualMask;
    private final BranchFusion fusion;
    private final Block middleMerge;
    private final Block shallowMerge;
    private final Block coarseReadout;
    private final Block fineReadout;
    private boolean visualFrozen;
    private boolean audioFrozen;

    /** @throws IllegalArgumentException when the visual encoder has fewer than three feature depths */
    public StaNet(VisualEncoder visual, AudioEncoder audio) {
        super(VERSION);
        List<VisualEncoder.Depth> all = visual.depths();
        if (all.size() < DEPTHS) {
            throw new IllegalArgumentException("STA needs an encoder with " + DEPTHS + " feature depths; "
                    + visual.name() + " has " + all.size());
        }
        this.visual = visual;
        this.audio = audio;
        depths = all.subList(all.size() - DEPTHS, all.size());
        addChildBlock("visual", visual.block());
        addChildBlock("audio", audio.block());
        shallowProjection = addChildBlock("shallowProjection", Layers.pointwise(WIDTH, true));
        middleProjection = addChildBlock("middleProjection", Layers.pointwise(WIDTH, true));
        deepProjection = addChildBlock("deepProjection", Layers.pointwise(WIDTH, true));
        temporalMask = addChildBlock("temporalMask", new SpatioTemporalMask(WIDTH, WIDTH));
        audioVisualMask = addChildBlock("audioVisualMask", new AudioVisualMask(ATTENTION_SIZE, WIDTH));
        fusion = addChildBlock("fusion", new BranchFusion(WIDTH, 2, 3));
        middleMerge = addChildBlock("middleMerge", Layers.conv3x3(WIDTH, 1));
        shallowMerge = addChildBlock("shallowMerge", Layers.conv3x3(WIDTH, 1));
        coarseReadout = addChildBlock("coarseReadout", Layers.pointwise(1, true));
        fineReadout = addChildBlock("fineReadout", Layers.pointwise(1, true));
    }

    /** The visual encoder this net was built with. */
    public VisualEncoder visualEncoder() {
        return visual;
    }

    /** The audio encoder this net was built with. */
    public AudioEncoder audioEncoder() {
        return audio;
    }

    /**
     * Keeps the visual encoder as it is while the rest of the net trains: its weights get no gradient and it runs in
     * inference mode, so that batch-norm statistics (where an encoder has them) do not drift either.
     */
    public void freezeVisualEncoder() {
        visual.block().freezeParameters(true);
        visualFrozen = true;
    }

    /** Keeps the audio encoder as it is while the rest of the net trains, as {@link #freezeVisualEncoder} does. */
    public void freezeAudioEncoder() {
        audio.block().freezeParameters(true);
        audioFrozen = true;
    }

    /** The training loss of both output maps against one pseudo-fixation map. */
    public StaLoss loss() {
        return new StaLoss();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != FRAMES + 1) {
            throw new IllegalArgumentException("STA takes the previous, current and next frames and the current"
                    + " frame's audio input, got " + inputs.size() + " arrays");
        }
        Shape frameShape = inputs.get(CURRENT).getShape();
        // One encoder pass over the three frames stacked along the batch axis.
        NDList stages = encode(parameters, NDArrays.concat(inputs.subNDList(0, FRAMES), 0), training);
        List<NDList> frames = List.of(new NDList(), new NDList(), new NDList());
        for (NDArray stage : stages) {
            NDList split = stage.split(FRAMES, 0);
            for (int f = 0; f < FRAMES; f++) {
                frames.get(f).add(split.get(f));
            }
        }
        return decode(parameters, frames.get(0), frames.get(CURRENT), frames.get(2), inputs.get(FRAMES),
                frameShape.get(2), frameShape.get(3), training);
    }

    /**
     * The visual encoder's maps of (B, 3, H, W) {@code frames} at the three depths the net reads, shallow to deep: a
     * frame's part of the net that does not depend on its neighbours, which a streaming session computes once per
     * frame and reuses for the three windows the frame is part of.
     */
    public NDList encode(ParameterStore parameters, NDArray frames, boolean training) {
        NDList stages = visual.stageOutputs(parameters, frames, training && !visualFrozen);
        return stages.subNDList(stages.size() - DEPTHS);
    }

    /**
     * The fine and coarse logit maps, (B, 1, height, width), of the current frame from the {@link #encode encoded}
     * previous, current and next frames and the current frame's audio input, as the audio encoder takes it.
     */
    public NDList decode(ParameterStore parameters, NDList previous, NDList current, NDList next,
                         NDArray sound, long height, long width, boolean training) {
        return readOut(parameters, branch(parameters, previous, current, next, sound, training).get(0), current, height,
                width, training);
    }

    /**
     * The decoder: the fine and coarse logit maps, (B, 1, height, width), of a fused map y, (B, {@value #WIDTH}, h,
     * w) as {@link #branch} makes it, read out with the skip maps of the {@link #encode encoded} {@code current}
     * frame.
     */
    public NDList readOut(ParameterStore parameters, NDArray fused, NDList current, long height, long width,
                          boolean training) {
        NDArray middle = Layers.apply(middleProjection, parameters, training, current.get(1));
        NDArray shallow = Layers.apply(shallowProjection, parameters, training, current.get(0));
        NDArray coarse = Activation.relu(merge(middleMerge, parameters, training, upsampledLike(fused, middle), middle)
                .add(middle));
        coarse = upsampledLike(coarse, shallow);
        NDArray fine = Activation.relu(merge(shallowMerge, parameters, training, coarse, shallow).add(coarse));

        return new NDList(
                BilinearUpsampling.resize(Layers.apply(fineReadout, parameters, training, fine), height, width),
                BilinearUpsampling.resize(Layers.apply(coarseReadout, parameters, training, coarse), height, width));
    }

    /**
     * The STA branch before the decoder, from the {@link #encode encoded} previous, current and next frames and the
     * current frame's audio input: [y, x], the fused map y and the current frame's projected deepest features x, both
     * (B, {@value #WIDTH}, h, w) at the deepest depth's resolution. STA+ reasons over the y of three fragments.
     */
    public NDList branch(ParameterStore parameters, NDList previous, NDList current, NDList next, NDArray sound,
                         boolean training) {
        NDArray deepFeatures = NDArrays.concat(new NDList(previous.get(2), current.get(2), next.get(2)), 0);
        NDList perFrame = Layers.apply(deepProjection, parameters, training, deepFeatures).split(FRAMES, 0);
        NDArray x = perFrame.get(CURRENT);

        NDArray temporal = temporalMask.forward(parameters, perFrame, training).singletonOrThrow();
        NDArray embedding = Layers.apply(audio.block(), parameters, training && !audioFrozen, sound);
        NDArray audioVisual = Layers.apply(audioVisualMask, parameters, training, embedding, current.get(2));
        return new NDList(Layers.apply(fusion, parameters, training, x, temporal, audioVisual), x);
    }

    /**
     * Keeps the decoder (skip projections, merges and readouts) as it is: a net that reads only the {@link #branch}
     * (STA+) leaves it out of its graph, and a frozen block is left out of the optimiser's updates too.
     */
    public void freezeDecoder() {
        for (Block block : List.of(shallowProjection, middleProjection, middleMerge, shallowMerge, coarseReadout,
                fineReadout)) {
            block.freezeParameters(true);
        }
    }

    /** The shape of the {@link #branch} maps y and x for frames of {@code frames}' shape (B, 3, H, W). */
    public Shape branchShape(Shape frames) {
        return Layers.withChannels(depths.get(2).mapShape(frames), WIDTH);
    }

    private static NDArray upsampledLike(NDArray maps, NDArray target) {
        Shape size = target.getShape();
        return BilinearUpsampling.resize(maps, size.get(2), size.get(3));
    }

    private static NDArray merge(Block convolution, ParameterStore parameters, boolean training, NDArray upper,
                                 NDArray skip) {
        return Layers.apply(convolution, parameters, training, upper.concat(skip, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape frames = inputShapes[CURRENT];
        Shape sound = inputShapes[FRAMES];
        Shape shallowFeatures = depths.get(0).mapShape(frames);
        Shape middleFeatures = depths.get(1).mapShape(frames);
        Shape deepFeatures = depths.get(2).mapShape(frames);
        Shape x = Layers.withChannels(deepFeatures, WIDTH);

        visual.block().initialize(manager, dataType, frames);
        audio.block().initialize(manager, dataType, sound);
        shallowProjection.initialize(manager, dataType, shallowFeatures);
        middleProjection.initialize(manager, dataType, middleFeatures);
        deepProjection.initialize(manager, dataType, deepFeatures);
        temporalMask.initialize(manager, dataType, x, x, x);
        audioVisualMask.initialize(manager, dataType, new Shape(sound.get(0), audio.embeddingSize()),
                deepFeatures);
        fusion.initialize(manager, dataType, x, x, Layers.withChannels(deepFeatures, 1));
        middleMerge.initialize(manager, dataType, Layers.withChannels(middleFeatures, 2L * WIDTH));
        shallowMerge.initialize(manager, dataType, Layers.withChannels(shallowFeatures, 2L * WIDTH));
        coarseReadout.initialize(manager, dataType, Layers.withChannels(shallowFeatures, WIDTH));
        fineReadout.initialize(manager, dataType, Layers.withChannels(shallowFeatures, WIDTH));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape logits = Layers.withChannels(inputShapes[CURRENT], 1);
        return new Shape[] {logits, logits};
    }
}
