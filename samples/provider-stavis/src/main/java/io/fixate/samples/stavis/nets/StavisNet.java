package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact STAViS net (spec §4). Inputs: a clip of T frames centred on the target frame, (B, T, 3, S, S), normalised
 * as the visual encoder declares, and the target frame's audio window as the audio encoder takes it ({@link
 * io.fixate.spi.djl.AudioPreprocessor}).
 *
 * <p><b>Visual path.</b> Every frame goes through the 2-D encoder chosen by name, which gives its maps X_m at each
 * of the encoder's depths. Per depth m, a 3×3×3 Conv3d + ReLU mixes the T frames ({@value
 * #MIXING_CHANNELS} channels, time kept), on X_m concatenated with the previous depth's enhanced features resized to
 * this depth; a {@link Dsam} follows, so that its X̃ = (1 + M) ⊙ X feeds the next depth as in the paper, where the
 * 3-D ResNet's next block reads it. The side features S_m and side logits A_m of every depth are resized bilinearly
 * to S × S; the visual logits are a 1×1 convolution of the concatenated side features.
 *
 * <p><b>Audio path.</b> The audio encoder's embedding of the target's window and the middle depth's enhanced features,
 * averaged over time, go into the {@link SoundLocalisation} (K bilinear maps), resized to S × S. The fused logits are
 * c1(cat(side features, localisation maps) → 1) + {@value Dsam#ACTIVATION_OFFSET} (the paper's bias −6).
 *
 * <p><b>Modes.</b> {@link Mode#VISUAL} (the first training stage) runs the visual path only and outputs [visual
 * logits, side logits of each depth], all (B, 1, S, S), every one supervised ({@link #loss}). {@link
 * Mode#AUDIO_VISUAL} (the second stage and prediction) outputs [fused logits (B, 1, S, S), localisation maps (B, K,
 * S, S)], of which only the fused map is supervised: the paper trains the audio-visual net without the deep
 * supervision of the DSAM side maps, and its fusion reads the side features, not the visual map. Both modes hold the
 * same parameters, so the weights of one load into the other.
 */
public final class StavisNet extends AbstractBlock {

    /** What a forward pass computes and outputs. */
    public enum Mode {
        /** The visual path alone: visual logits and side logits. */
        VISUAL,
        /** The whole net: fused logits and localisation maps. */
        AUDIO_VISUAL
    }

    /** Channels of the Conv3d temporal mixing at every depth. */
    public static final int MIXING_CHANNELS = 32;
    /** Side channels of each DSAM (16 in the paper, 8 in the compact version). */
    public static final int SIDE_CHANNELS = 8;
    /** Channels of the sound localisation's projections h_v and h_a (128 in the paper). */
    public static final int LOCALISATION_HIDDEN = 32;

    private static final byte VERSION = 1;

    private final VisualEncoder visual;
    private final AudioEncoder audio;
    private final int frames;
    private final int localisationMaps;
    private final Mode mode;
    private final List<Block> mixing = new ArrayList<>();
    private final List<Dsam> attention = new ArrayList<>();
    private final SoundLocalisation localisation;
    private final Block visualReadout;
    private final Block fusion;
    private boolean visualFrozen;

    /**
     * A net over clips of {@code frames} frames with {@code localisationMaps} (K) localisation maps.
     *
     * @throws IllegalArgumentException when {@code frames} or {@code localisationMaps} is not positive
     */
    public StavisNet(VisualEncoder visual, AudioEncoder audio, int frames, int localisationMaps, Mode mode) {
        super(VERSION);
        if (frames <= 0 || localisationMaps <= 0) {
            throw new IllegalArgumentException("need positive frame and localisation map counts, got " + frames
                    + " and " + localisationMaps);
        }
        this.visual = visual;
        this.audio = audio;
        this.frames = frames;
        this.localisationMaps = localisationMaps;
        this.mode = mode;
        addChildBlock("visual", visual.block());
        addChildBlock("audio", audio.block());
        for (int depth = 0; depth < visual.depths().size(); depth++) {
            mixing.add(addChildBlock("mixing" + depth, Conv3d.builder().setKernelShape(new Shape(3, 3, 3))
                    .setFilters(MIXING_CHANNELS).optPadding(new Shape(1, 1, 1)).build()));
            attention.add(addChildBlock("dsam" + depth, new Dsam(SIDE_CHANNELS)));
        }
        localisation = addChildBlock("localisation", new SoundLocalisation(localisationMaps, LOCALISATION_HIDDEN));
        visualReadout = addChildBlock("visualReadout", Layers.pointwise(1, true));
        fusion = addChildBlock("fusion", Layers.pointwise(1, true));
    }

    /** The visual encoder this net was built with. */
    public VisualEncoder visualEncoder() {
        return visual;
    }

    /** The audio encoder this net was built with. */
    public AudioEncoder audioEncoder() {
        return audio;
    }

    /** T, the frames of a clip. */
    public int frames() {
        return frames;
    }

    /** K, the localisation maps. */
    public int localisationMaps() {
        return localisationMaps;
    }

    /** The encoder depth whose features the sound localisation reads: the middle one. */
    int localisationDepth() {
        return visual.depths().size() / 2;
    }

    /** The loss of this mode's supervised outputs. */
    public StavisLoss loss() {
        return new StavisLoss(mode == Mode.VISUAL ? 1 + visual.depths().size() : 1);
    }

    /**
     * Keeps the visual encoder as it is (pretrained weights) while the rest learns: no gradient, and inference mode so
     * that batch-norm statistics do not drift.
     */
    public void freezeVisualEncoder() {
        visual.block().freezeParameters(true);
        visualFrozen = true;
    }

    /**
     * Keeps what this mode does not read as it is: the audio path (encoder, localisation, fusion) in the visual mode,
     * the visual readout in the audio-visual mode. Left out of the graph, those parameters would get no gradient, and
     * the optimiser's weight decay would still shrink them.
     */
    public void freezeUnread() {
        List<Block> unread = mode == Mode.VISUAL ? List.of(audio.block(), localisation, fusion)
                : List.of(visualReadout);
        for (Block block : unread) {
            block.freezeParameters(true);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("STAViS takes a clip of frames and the target's audio input, got "
                    + inputs.size() + " arrays");
        }
        Shape clip = inputs.get(0).getShape();
        if (clip.dimension() != 5 || clip.get(1) != frames) {
            throw new IllegalArgumentException("STAViS takes clips of (B, " + frames + ", 3, S, S), got " + clip);
        }
        NDArray stacked = inputs.get(0).reshape(clip.get(0) * frames, clip.get(2), clip.get(3), clip.get(4));
        return decode(parameters, encode(parameters, stacked, training), inputs.get(1), clip.get(3), clip.get(4),
                training);
    }

    /** The encoder's maps of (N, 3, H, W) frames at each of its depths, shallow to deep. */
    private NDList encode(ParameterStore parameters, NDArray frameBatch, boolean training) {
        return visual.stageOutputs(parameters, frameBatch, training && !visualFrozen);
    }

    /**
     * The outputs of this mode (see the class comment) from the {@link #encode encoded} frames of B clips, each depth's
     * maps (B·T, C, h, w) with the T frames of a clip consecutive, and the B target frames' audio input.
     */
    private NDList decode(ParameterStore parameters, NDList encoded, NDArray sound, long height, long width,
                         boolean training) {
        long clips = encoded.get(0).getShape().get(0) / frames;
        NDList sideFeatures = new NDList();
        NDList sideLogits = new NDList();
        NDArray enhanced = null;
        NDArray middle = null;
        for (int depth = 0; depth < encoded.size(); depth++) {
            NDArray maps = encoded.get(depth);
            Shape shape = maps.getShape();
            if (enhanced != null) {
                maps = maps.concat(Resize.bilinear(frameMajor(enhanced), shape.get(2), shape.get(3)), 1);
            }
            NDArray mixed = Activation.relu(Layers.apply(mixing.get(depth), parameters, training,
                    timeMajor(maps, clips)));
            NDList dsam = attention.get(depth).forward(parameters, new NDList(mixed), training);
            enhanced = dsam.get(0);
            if (depth == localisationDepth()) {
                middle = enhanced.mean(new int[] {2});
            }
            sideFeatures.add(Resize.bilinear(dsam.get(1), height, width));
            sideLogits.add(Resize.bilinear(dsam.get(2), height, width));
        }
        NDArray features = NDArrays.concat(sideFeatures, 1);
        if (mode == Mode.VISUAL) {
            NDList outputs = new NDList(Layers.apply(visualReadout, parameters, training, features));
            outputs.addAll(sideLogits);
            return outputs;
        }
        NDArray embedding = Layers.apply(audio.block(), parameters, training, sound);
        NDArray maps = Resize.bilinear(Layers.apply(localisation, parameters, training, middle, embedding), height,
                width);
        NDArray fused = Layers.apply(fusion, parameters, training, features.concat(maps, 1))
                .add(Dsam.ACTIVATION_OFFSET);
        return new NDList(fused, maps);
    }

    /** (B·T, C, h, w) per-frame maps as (B, C, T, h, w) clips, what Conv3d takes. */
    private NDArray timeMajor(NDArray maps, long clips) {
        Shape shape = maps.getShape();
        return maps.reshape(clips, frames, shape.get(1), shape.get(2), shape.get(3)).transpose(0, 2, 1, 3, 4);
    }

    /** (B, C, T, h, w) clips as (B·T, C, h, w) per-frame maps. */
    private static NDArray frameMajor(NDArray clips) {
        Shape shape = clips.getShape();
        return clips.transpose(0, 2, 1, 3, 4).reshape(shape.get(0) * shape.get(2), shape.get(1), shape.get(3),
                shape.get(4));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape clip = inputShapes[0];
        Shape frameBatch = new Shape(clip.get(0) * clip.get(1), clip.get(2), clip.get(3), clip.get(4));
        visual.block().initialize(manager, dataType, frameBatch);
        audio.block().initialize(manager, dataType, inputShapes[1]);
        List<VisualEncoder.Depth> depths = visual.depths();
        Shape middle = null;
        for (int depth = 0; depth < depths.size(); depth++) {
            Shape maps = depths.get(depth).mapShape(frameBatch);
            long channels = maps.get(1) + (depth > 0 ? MIXING_CHANNELS : 0);
            mixing.get(depth).initialize(manager, dataType,
                    new Shape(clip.get(0), channels, clip.get(1), maps.get(2), maps.get(3)));
            attention.get(depth).initialize(manager, dataType,
                    new Shape(clip.get(0), MIXING_CHANNELS, clip.get(1), maps.get(2), maps.get(3)));
            if (depth == localisationDepth()) {
                middle = new Shape(clip.get(0), MIXING_CHANNELS, maps.get(2), maps.get(3));
            }
        }
        localisation.initialize(manager, dataType, middle, new Shape(clip.get(0), audio.embeddingSize()));
        Shape output = new Shape(clip.get(0), (long) SIDE_CHANNELS * depths.size(), clip.get(3), clip.get(4));
        visualReadout.initialize(manager, dataType, output);
        fusion.initialize(manager, dataType, Layers.withChannels(output, output.get(1) + localisationMaps));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape clip = inputShapes[0];
        Shape map = new Shape(clip.get(0), 1, clip.get(3), clip.get(4));
        if (mode == Mode.VISUAL) {
            Shape[] shapes = new Shape[1 + visual.depths().size()];
            Arrays.fill(shapes, map);
            return shapes;
        }
        return new Shape[] {map, Layers.withChannels(map, localisationMaps)};
    }
}
