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
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.FixationRefineLayer;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The STA+ net of STANet+ (journal Eqs. 14–15; spec §2), the architecture of both STA+Short and STA+Long, which differ
 * only in the fragments fed to it. Three nodes, the target fragment first and its two companions after: each node is a
 * fragment of three frames with its centre frame's audio, and its initial state is the {@link StaNet#branch} output y
 * of an STA net (the fused map before the decoder; the nodes share that STA). The {@link ConservativeGcn} reasons over
 * the three states for m steps with the {@link FixationRefineLayer} after each, and every node is read out by Eq. 15: o
 * = up(c1(W→1)(ReLU(c1(2W→W)(cat(h^m, x_c))))), x_c the node's own centre frame's projected deepest features, one
 * readout shared by the nodes ({@link Readout#EQ15}). There is no skip decoder, so the maps are as coarse as y by
 * design; the STA's decoder is kept (so that a trained STA's parameters load as they are) but frozen, as nothing reads
 * it. {@link Readout#DECODER} is this SDK's deviation, for maps as fine as the STA's: see there.
 *
 * <p>Forward inputs: 12 arrays, for each node in order its previous, current and next frames (B, 3, H, W) and its
 * current frame's audio input as the audio encoder takes it. Output: the three nodes' logit maps (B, 1, H, W), the
 * target's first; {@link StaPlusLoss} supervises each with its own centre frame's label.
 */
public final class StaPlusNet extends AbstractBlock {

    /** How a node's reasoned state becomes its map. */
    public enum Readout {
        /** Eq. 15: two 1×1 convolutions on cat(h^m, x_c), upsampled from the deepest scale. */
        EQ15,
        /**
         * The deviation: the same two convolutions, the second W→W and initialised to zero, give a context term Δ that
         * is added to the node's y, and the STA's skip decoder (trained with the net) reads y + Δ out, so that a
         * freshly initialised net gives exactly its STA's maps and the context can only add to them.
         */
        DECODER
    }

    /** The target and its two companions. */
    public static final int NODES = 3;

    private static final byte VERSION = 1;
    private static final int INPUTS_PER_NODE = 4;

    private final StaNet sta;
    private final int steps;
    private final ConservativeGcn.Update update;
    private final Readout readoutKind;
    private final ConservativeGcn reasoning;
    private final Block readoutHidden;
    private final Block readout;

    /**
     * @param steps  m, the C-GCN's reasoning steps
     * @param update the papers' conservative update or the reference's gated GRU
     * @param readout Eq. 15's or the deviation through the STA's decoder
     */
    public StaPlusNet(VisualEncoder visual, AudioEncoder audio, int steps, ConservativeGcn.Update update,
                      Readout readout) {
        super(VERSION);
        this.steps = steps;
        this.update = update;
        this.readoutKind = readout;
        sta = addChildBlock("sta", new StaNet(visual, audio));
        if (readout == Readout.EQ15) {
            sta.freezeDecoder();
        }
        reasoning = addChildBlock("reasoning", new ConservativeGcn(StaNet.WIDTH, steps, update,
                new FixationRefineLayer()));
        readoutHidden = addChildBlock("readoutHidden", Layers.pointwise(StaNet.WIDTH, true));
        this.readout = addChildBlock("readout", Layers.pointwise(readout == Readout.EQ15 ? 1 : StaNet.WIDTH, true));
    }

    /** The STA whose branch makes every node's initial state; a trained STA's weights load into it. */
    public StaNet sta() {
        return sta;
    }

    /** m, the C-GCN's reasoning steps. */
    public int steps() {
        return steps;
    }

    /** The C-GCN's node update. */
    public ConservativeGcn.Update update() {
        return update;
    }

    /** How the nodes are read out. */
    public Readout readout() {
        return readoutKind;
    }

    /** The training loss: BCE + KL of every node's map against its own centre frame's label (Eq. 16). */
    public StaPlusLoss loss() {
        return new StaPlusLoss();
    }

    /**
     * One node: the {@link StaNet#encode encoded} previous, current and next frames of a fragment and its current
     * frame's audio input.
     */
    public record Fragment(NDList previous, NDList current, NDList next, NDArray sound) {
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != NODES * INPUTS_PER_NODE) {
            throw new IllegalArgumentException("STA+ takes " + NODES + " fragments of three frames and an audio input,"
                    + " got " + inputs.size() + " arrays");
        }
        Shape frameShape = inputs.get(1).getShape();
        NDList frames = new NDList();
        for (int node = 0; node < NODES; node++) {
            frames.addAll(inputs.subNDList(node * INPUTS_PER_NODE, node * INPUTS_PER_NODE + 3));
        }
        // One encoder pass over the nine frames stacked along the batch axis.
        List<NDList> encoded = new ArrayList<>();
        for (int frame = 0; frame < frames.size(); frame++) {
            encoded.add(new NDList());
        }
        for (NDArray stage : sta.encode(parameters, NDArrays.concat(frames, 0), training)) {
            NDList split = stage.split(frames.size(), 0);
            for (int frame = 0; frame < frames.size(); frame++) {
                encoded.get(frame).add(split.get(frame));
            }
        }
        List<Fragment> nodes = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            nodes.add(new Fragment(encoded.get(3 * node), encoded.get(3 * node + 1), encoded.get(3 * node + 2),
                    inputs.get(node * INPUTS_PER_NODE + 3)));
        }
        return decode(parameters, nodes, frameShape.get(2), frameShape.get(3), training);
    }

    /**
     * The logit maps (B, 1, height, width) of the {@code nodes}, the target first: one STA branch pass over the three
     * fragments stacked along the batch axis, the C-GCN, and the readout of every node.
     */
    public NDList decode(ParameterStore parameters, List<Fragment> nodes, long height, long width, boolean training) {
        if (nodes.size() != NODES) {
            throw new IllegalArgumentException("STA+ reasons over " + NODES + " nodes, got " + nodes.size());
        }
        NDList current = stacked(nodes, Fragment::current);
        NDList branch = sta.branch(parameters, stacked(nodes, Fragment::previous), current,
                stacked(nodes, Fragment::next), NDArrays.concat(new NDList(nodes.stream().map(Fragment::sound)
                        .toArray(NDArray[]::new)), 0), training);
        NDList states = branch.get(0).split(NODES, 0);
        NDList reasoned = reasoning.forward(parameters, states, training);
        NDArray hidden = Activation.relu(Layers.apply(readoutHidden, parameters, training,
                NDArrays.concat(reasoned, 0).concat(branch.get(1), 1)));
        NDArray readOut = Layers.apply(readout, parameters, training, hidden);
        NDArray logits = readoutKind == Readout.EQ15 ? BilinearUpsampling.resize(readOut, height, width)
                : sta.readOut(parameters, branch.get(0).add(readOut), current, height, width, training).get(0);
        return logits.split(NODES, 0);
    }

    /** The nodes' maps at every encoder depth, concatenated along the batch axis in node order. */
    private static NDList stacked(List<Fragment> nodes, Function<Fragment, NDList> which) {
        NDList stacked = new NDList();
        int depths = which.apply(nodes.get(0)).size();
        for (int depth = 0; depth < depths; depth++) {
            NDList atDepth = new NDList();
            for (Fragment node : nodes) {
                atDepth.add(which.apply(node).get(depth));
            }
            stacked.add(NDArrays.concat(atDepth, 0));
        }
        return stacked;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        sta.initialize(manager, dataType, Arrays.copyOfRange(inputShapes, 0, INPUTS_PER_NODE));
        Shape state = sta.branchShape(inputShapes[1]);
        reasoning.initialize(manager, dataType, state, state, state);
        readoutHidden.initialize(manager, dataType, Layers.withChannels(state, 2L * StaNet.WIDTH));
        readout.initialize(manager, dataType, state);
        if (readoutKind == Readout.DECODER) {
            // Δ starts at zero: the untrained net is its STA, whose trained weights load over the rest.
            readout.getParameters().forEach(parameter -> parameter.getValue().getArray().muli(0));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape logits = Layers.withChannels(inputShapes[1], 1);
        return new Shape[] {logits, logits, logits};
    }
}
