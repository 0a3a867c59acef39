package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.ConservativeGcn;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCAM+ multigranularity net (journal §3.2, spec §1.2): one source branch (a {@link ScamNet}: encoder, head and
 * fusion, weight-shared by every node) turns the target and each companion into its fused class maps h⁰, the
 * {@link ConservativeGcn} reasons over them, and the target's state h_TA^m is classified by its global average.
 *
 * <p>Inputs: the branch's inputs of the target, then of each companion ({@link
 * io.fixate.provider.scam.training.Batches} packs them so); all nodes go through the branch as one batch. Forward
 * output, in {@link ScamNet}'s layout: [x_TA, h_TA^m, GAP x of every node, GAP h^m of every node], the logits
 * (nodes·B, classes) in node order, so that {@link ScamLoss} sums 0.4·MLSM(GAP x_i) + MLSM(GAP h_i^m) over the nodes.
 * {@link #activations} keeps the target's rows: its CAM is ReLU((x_TA + h_TA^m) / 2), its confidence the softmax of
 * GAP h_TA^m.
 */
public final class PlusNet extends AbstractBlock implements TrainableNet {

    private static final byte VERSION = 1;
    /** MLSM weight of the raw maps, as the reference's + nets. */
    private static final float RAW_LOSS_WEIGHT = 0.4f;

    private final ScamNet branch;
    private final int nodes;
    private final ConservativeGcn reasoning;
    private final String reasoningId;
    private Path startingBranch;

    /**
     * @param branch      a fresh net of the source, the branch every node runs through
     * @param companions  n, the companions of each target (at least 1)
     * @param reasoning   the C-GCN over the nodes' class maps (channels = the branch's classes)
     * @param reasoningId what sets the C-GCN apart (steps, update, refinement), for {@link #architectureId()}
     */
    public PlusNet(ScamNet branch, int companions, ConservativeGcn reasoning, String reasoningId) {
        super(VERSION);
        if (companions < 1) {
            throw new IllegalArgumentException("a SCAM+ net needs at least one companion, got " + companions);
        }
        this.branch = addChildBlock("branch", branch);
        this.nodes = 1 + companions;
        this.reasoning = addChildBlock("reasoning", reasoning);
        this.reasoningId = Objects.requireNonNull(reasoningId, "reasoningId");
    }

    /**
     * Makes a fresh training run start the branch from a trained net of its source (its weights file), as the
     * journal initialises each + net from its coarse net; the C-GCN starts from its initialiser.
     */
    public void startBranchFrom(Path sourceWeights) {
        this.startingBranch = Objects.requireNonNull(sourceWeights, "sourceWeights");
    }

    @Override
    public void loadStartingWeights(NDManager manager) {
        if (startingBranch != null) {
            WeightsFile.load(branch, manager, startingBranch, branch.architectureId());
        }
    }

    @Override
    public Block block() {
        return this;
    }

    @Override
    public InputKind input() {
        return branch.input();
    }

    @Override
    public int nodes() {
        return nodes;
    }

    @Override
    public int classes() {
        return branch.classes();
    }

    /** The branch's visual encoder, the one every node is seen through. */
    public VisualEncoder visualEncoder() {
        return branch.visualEncoder();
    }

    @Override
    public Optional<FrameEncoder> frameEncoder() {
        return branch.frameEncoder();
    }

    @Override
    public Loss loss() {
        return new ScamLoss(RAW_LOSS_WEIGHT);
    }

    @Override
    public NDArray scores(NDList forwardOutput) {
        return activations(forwardOutput).confidences();
    }

    @Override
    public String architectureId() {
        return "scam-plus/" + branch.architectureId() + "/nodes" + nodes + "/" + reasoningId;
    }

    /** The target's class maps, logits and confidences. */
    public ClassActivations activations(NDList forwardOutput) {
        NDIndex target = new NDIndex("0:{}", forwardOutput.get(0).getShape().get(0));
        return new ClassActivations(forwardOutput.get(0), forwardOutput.get(1), forwardOutput.get(2).get(target),
                forwardOutput.get(3).get(target), true);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        int perNode = perNode(inputs.size());
        NDList batched = new NDList(perNode);
        for (int position = 0; position < perNode; position++) {
            NDList ofPosition = new NDList(nodes);
            for (int node = 0; node < nodes; node++) {
                ofPosition.add(inputs.get(node * perNode + position));
            }
            batched.add(NDArrays.concat(ofPosition, 0));
        }
        ClassActivations all = branch.activations(branch.forward(parameters, batched, training));
        NDList initial = all.fused().split(nodes, 0);
        NDList reasoned = reasoning.forward(parameters, initial, training);
        NDArray targetRaw = all.raw().split(nodes, 0).get(0);
        NDList pooled = new NDList(nodes);
        reasoned.forEach(state -> pooled.add(Layers.globalAveragePool(state)));
        return new NDList(targetRaw, reasoned.get(0), all.rawLogits(), NDArrays.concat(pooled, 0));
    }

    private int perNode(int inputCount) {
        if (inputCount % nodes != 0) {
            throw new IllegalArgumentException("a SCAM+ net over " + nodes + " nodes takes a multiple of " + nodes
                    + " arrays, got " + inputCount);
        }
        return inputCount / nodes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] node = Arrays.copyOf(inputShapes, perNode(inputShapes.length));
        branch.initialize(manager, dataType, node);
        Shape maps = branch.getOutputShapes(node)[1];
        Shape[] states = new Shape[nodes];
        Arrays.fill(states, maps);
        reasoning.initialize(manager, dataType, states);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] node = branch.getOutputShapes(Arrays.copyOf(inputShapes, perNode(inputShapes.length)));
        Shape logits = new Shape(node[2].get(0) * nodes, classes());
        return new Shape[] {node[0], node[1], logits, logits};
    }
}
