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
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact AVRSP net: a clip of T frames (the last one is predicted, so the net is causal) and each frame's audio
 * window to the logits of the last frame's fixation map.
 *
 * <p>Visual path. Each frame goes through the per-frame visual encoder once ({@link #encodeFrames}, which a stream
 * runs once per frame); the encoder's three deepest maps of the T frames, stacked along time, become three scales
 * F_0…F_2 of {@value #WIDTH} channels by a 3×3×3 convolution of temporal stride 2 (T → ⌈T/2⌉) + batch norm + ReLU
 * each, and a fourth, coarsest scale F_3 by a 3×3×3 convolution of spatial stride 2 of F_2 + batch norm + ReLU: a
 * per-frame 2-D encoder with 3-D
 * convolutions standing in for the paper's S3D with its four blocks (and without its ASPP and local importance
 * pooling). The multi-scale synergy ({@link MultiScaleSynergy}, when on) enhances them into F̂_0…F̂_3.
 *
 * <p>Audio path. Each frame's window goes through the audio encoder (the paper's SoundNet is replaced by the SDK's
 * encoders by name; the compact one reads the spectrogram of a half-second Hann window ending at the frame), and a
 * linear map + ReLU makes it a token of {@value #WIDTH} channels: T audio tokens. {@link #encodeAudio} is the
 * per-frame part.
 *
 * <p>Fusion and decoding. The fusion ({@link RelevanceFusion} blocks, or a {@link NaiveFusion}) joins the audio tokens
 * with the coarsest feature F̂_3 into A_3; the regulator gates ({@link RegulatorGate}, when on) carry it to the finer
 * scales, A_i = g_i ⊙ up(A_{i+1}). The decoder has four blocks, coarse to fine: block i reads X_i (A_3 at the
 * coarsest scale; F̂_i + A_i, or F̂_i without gates, at the others), collapses its time axis by a convolution over all
 * ⌈T/2⌉ steps (a learnt weighting of the recent past), adds the previous block's output, and applies a 3×3 convolution
 * + batch norm + ReLU and a ×2 upsampling. A 1×1 convolution reads out the logits, upsampled to the input size where
 * the finest scale is coarser than half of it. In {@linkplain #setVisualOnly visual-only} mode the fusion is skipped
 * (A_3 = F̂_3), the paper's visual pre-training.
 *
 * <p>Forward: [frames (B, T, 3, S, S) normalised as the visual encoder declares, audio (B, T, …) each frame's window
 * as the audio encoder takes it] to [logits (B, 1, S, S)]. S must be a multiple of the coarsest scale's stride
 * ({@link #coarsestStride}).
 */
public final class AvrspNet extends AbstractBlock {

    /** Channels of every scale, of the audio tokens and of the decoder. */
    public static final int WIDTH = 32;
    /** Scales of the visual features and blocks of the decoder. */
    public static final int SCALES = 4;

    private static final byte VERSION = 1;
    /** The encoder depths the net reads: the deepest three, as the compact encoder and MobileNetV2 both expose. */
    private static final int DEPTHS = 3;

    private final AvrspConfig config;
    private final VisualEncoder visual;
    private final AudioEncoder audio;
    private final List<VisualEncoder.Depth> depths;
    private final Block[] scaleProjections = new Block[SCALES];
    private final MultiScaleSynergy synergy;
    private final Block audioProjection;
    private final List<Block> fusion = new ArrayList<>();
    private final Block[] gates = new Block[SCALES - 1];
    private final Block[] temporalReadouts = new Block[SCALES];
    private final Block[] decoder = new Block[SCALES];
    private final Block readout;
    private boolean visualOnly;
    private boolean visualFrozen;

    /** @throws IllegalArgumentException when the visual encoder has fewer than three feature depths */
    public AvrspNet(AvrspConfig config) {
        super(VERSION);
        this.config = config;
        visual = Encoders.visual(config.visualEncoder());
        audio = Encoders.audio(config.audioEncoder());
        List<VisualEncoder.Depth> all = visual.depths();
        if (all.size() < DEPTHS) {
            throw new IllegalArgumentException("AVRSP needs an encoder with " + DEPTHS + " feature depths; "
                    + visual.name() + " has " + all.size());
        }
        depths = all.subList(all.size() - DEPTHS, all.size());
        addChildBlock("visual", visual.block());
        addChildBlock("audio", audio.block());
        for (int i = 0; i < SCALES; i++) {
            Block convolution = i < DEPTHS
                    ? Conv3d.builder().setKernelShape(new Shape(3, 3, 3)).setFilters(WIDTH)
                            .optStride(new Shape(2, 1, 1)).optPadding(new Shape(1, 1, 1)).build()
                    : MultiScaleSynergy.convolution(WIDTH, 2);
            scaleProjections[i] = addChildBlock("scale" + i, normalisedRelu(convolution));
        }
        synergy = config.synergy() ? addChildBlock("synergy", new MultiScaleSynergy(SCALES, WIDTH)) : null;
        audioProjection = addChildBlock("audioProjection", new SequentialBlock()
                .add(Linear.builder().setUnits(WIDTH).build()).add(Activation.reluBlock()));
        if (config.fusion() == Fusion.RAVF) {
            for (int b = 0; b < config.blocks(); b++) {
                fusion.add(addChildBlock("ravf" + b, new RelevanceFusion(WIDTH, config.heads())));
            }
        } else {
            fusion.add(addChildBlock("fusion", new NaiveFusion(config.fusion(), WIDTH)));
        }
        for (int i = 0; i < SCALES - 1 && config.regulator(); i++) {
            gates[i] = addChildBlock("gate" + i, new RegulatorGate(WIDTH));
        }
        int steps = (config.frames() + 1) / 2;
        for (int i = 0; i < SCALES; i++) {
            temporalReadouts[i] = addChildBlock("time" + i, Conv3d.builder().setKernelShape(new Shape(steps, 1, 1))
                    .setFilters(WIDTH).build());
            decoder[i] = addChildBlock("decoder" + i, normalisedRelu(Layers.conv3x3(WIDTH, 1)));
        }
        readout = addChildBlock("readout", Layers.pointwise(1, true));
    }

    /**
     * {@code convolution}, batch norm and ReLU: without the normalisation the decoder's ReLUs all died within the first
     * epoch of a run on the synthetic benchmark (a constant map, whose loss has no gradient left to revive them).
     */
    private static Block normalisedRelu(Block convolution) {
        return new SequentialBlock().add(convolution).add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }

    /** The architecture this net was built with. */
    public AvrspConfig config() {
        return config;
    }

    /** The visual encoder this net was built with. */
    public VisualEncoder visualEncoder() {
        return visual;
    }

    /** The audio encoder this net was built with. */
    public AudioEncoder audioEncoder() {
        return audio;
    }

    /** The spatial stride of the coarsest scale: input sizes must be multiples of it. */
    public int coarsestStride() {
        return 2 * depths.get(DEPTHS - 1).stride();
    }

    /** The training loss of the paper, KL − 0.1·CC − 0.1·SIM. */
    public SaliencyLoss loss() {
        return new SaliencyLoss();
    }

    /**
     * Visual-only mode, the paper's first training phase: the fusion is skipped and the blocks only audio reaches
     * (audio encoder, audio projection, fusion) are frozen, so that they neither learn nor decay.
     */
    public void setVisualOnly() {
        visualOnly = true;
        audio.block().freezeParameters(true);
        audioProjection.freezeParameters(true);
        fusion.forEach(block -> block.freezeParameters(true));
    }

    /**
     * Keeps the visual encoder as it is while the rest learns (pretrained weights): no gradient, and inference mode,
     * so that batch-norm statistics do not drift either.
     */
    public void freezeVisualEncoder() {
        visual.block().freezeParameters(true);
        visualFrozen = true;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray frames = inputs.get(0);
        NDArray sound = inputs.get(1);
        Shape shape = frames.getShape();
        long batch = shape.get(0);
        long count = shape.get(1);
        NDList perFrame = encodeFrames(parameters, frames.reshape(new Shape(batch * count).addAll(shape.slice(2))),
                training);
        NDList clips = new NDList(perFrame.size());
        for (NDArray maps : perFrame) {
            clips.add(maps.reshape(new Shape(batch, count).addAll(maps.getShape().slice(1))));
        }
        Shape soundShape = sound.getShape();
        NDArray embeddings = encodeAudio(parameters, sound.reshape(new Shape(batch * count)
                .addAll(soundShape.slice(2))), training);
        return new NDList(decode(parameters, clips, embeddings.reshape(batch, count, -1), shape.get(3), training));
    }

    /**
     * The visual encoder's maps of (N, 3, S, S) {@code frames} at the three depths the net reads, shallow to deep:
     * a frame's part of the net, which a stream computes once per frame.
     */
    public NDList encodeFrames(ParameterStore parameters, NDArray frames, boolean training) {
        NDList stages = visual.stageOutputs(parameters, frames, training && !visualFrozen);
        return stages.subNDList(stages.size() - DEPTHS);
    }

    /** The audio embeddings (N, E) of N frames' windows as the audio encoder takes them. */
    public NDArray encodeAudio(ParameterStore parameters, NDArray windows, boolean training) {
        return Layers.apply(audio.block(), parameters, training, windows);
    }

    /**
     * The logits (B, 1, size, size) of the last frame of clips whose frames were {@link #encodeFrames encoded} into
     * {@code clips}, one (B, T, C, h, w) array per depth, and whose windows were {@link #encodeAudio encoded} into
     * {@code embeddings} (B, T, E).
     */
    public NDArray decode(ParameterStore parameters, NDList clips, NDArray embeddings, long size, boolean training) {
        NDList scales = new NDList(SCALES);
        for (int i = 0; i < SCALES; i++) {
            NDArray input = i < DEPTHS ? clips.get(i).transpose(0, 2, 1, 3, 4) : scales.get(i - 1);
            scales.add(Layers.apply(scaleProjections[i], parameters, training, input));
        }
        NDList enhanced = synergy == null ? scales : synergy.forward(parameters, scales, training);
        NDArray fused = visualOnly ? enhanced.get(SCALES - 1)
                : fuse(parameters, enhanced.get(SCALES - 1),
                        Layers.apply(audioProjection, parameters, training, embeddings), training);
        NDArray decoded = null;
        NDArray carried = fused;
        for (int i = SCALES - 1; i >= 0; i--) {
            NDArray features;
            if (i == SCALES - 1) {
                features = fused;
            } else if (gates[i] != null) {
                carried = gates[i].forward(parameters, new NDList(enhanced.get(i), carried), training).get(0);
                features = enhanced.get(i).add(carried);
            } else {
                features = enhanced.get(i);
            }
            NDArray present = Layers.apply(temporalReadouts[i], parameters, training, features).squeeze(2);
            NDArray input = decoded == null ? present : present.add(decoded);
            decoded = Upsampling.nearest(Layers.apply(decoder[i], parameters, training, input), 2);
        }
        NDArray logits = Layers.apply(readout, parameters, training, decoded);
        return Upsampling.nearest(logits, (int) (size / logits.getShape().get(3)));
    }

    /** A_3: the fusion of the coarsest visual feature (B, W, T', h, w) with the audio tokens (B, T, W). */
    private NDArray fuse(ParameterStore parameters, NDArray coarsest, NDArray tokens, boolean training) {
        if (config.fusion() != Fusion.RAVF) {
            return Layers.apply(fusion.get(0), parameters, training, coarsest, tokens);
        }
        Shape shape = coarsest.getShape();
        NDArray visualTokens = coarsest.transpose(0, 2, 3, 4, 1).reshape(shape.get(0), -1, shape.get(1));
        NDList streams = new NDList(visualTokens, tokens);
        for (Block block : fusion) {
            streams = block.forward(parameters, streams, training);
        }
        return streams.get(0).reshape(shape.get(0), shape.get(2), shape.get(3), shape.get(4), shape.get(1))
                .transpose(0, 4, 1, 2, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape clip = inputShapes[0];
        long batch = clip.get(0);
        long count = clip.get(1);
        Shape frames = new Shape(batch * count).addAll(clip.slice(2));
        visual.block().initialize(manager, dataType, frames);
        audio.block().initialize(manager, dataType, new Shape(batch * count).addAll(inputShapes[1].slice(2)));
        long steps = (count + 1) / 2;
        Shape[] scales = new Shape[SCALES];
        for (int i = 0; i < SCALES; i++) {
            Shape input;
            if (i < DEPTHS) {
                Shape maps = depths.get(i).mapShape(frames);
                input = new Shape(batch, maps.get(1), count, maps.get(2), maps.get(3));
                scales[i] = new Shape(batch, WIDTH, steps, maps.get(2), maps.get(3));
            } else {
                input = scales[i - 1];
                scales[i] = new Shape(batch, WIDTH, steps, (input.get(3) + 1) / 2, (input.get(4) + 1) / 2);
            }
            scaleProjections[i].initialize(manager, dataType, input);
        }
        if (synergy != null) {
            synergy.initialize(manager, dataType, scales);
        }
        Shape tokens = new Shape(batch, count, WIDTH);
        audioProjection.initialize(manager, dataType, new Shape(batch, count, audio.embeddingSize()));
        Shape coarsest = scales[SCALES - 1];
        Shape visualTokens = new Shape(batch, steps * coarsest.get(3) * coarsest.get(4), WIDTH);
        for (Block block : fusion) {
            block.initialize(manager, dataType, config.fusion() == Fusion.RAVF ? visualTokens : coarsest, tokens);
        }
        for (int i = 0; i < SCALES; i++) {
            if (i < SCALES - 1 && gates[i] != null) {
                gates[i].initialize(manager, dataType, scales[i], scales[i + 1]);
            }
            temporalReadouts[i].initialize(manager, dataType, scales[i]);
            decoder[i].initialize(manager, dataType, new Shape(batch, WIDTH, scales[i].get(3), scales[i].get(4)));
        }
        readout.initialize(manager, dataType, new Shape(batch, WIDTH, 2 * scales[0].get(3), 2 * scales[0].get(4)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape clip = inputShapes[0];
        return new Shape[] {new Shape(clip.get(0), 1, clip.get(3), clip.get(4))};
    }
}
