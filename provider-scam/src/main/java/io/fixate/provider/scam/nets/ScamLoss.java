package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

import java.util.Collections;

/**
 * The SCAM classification loss: w·MLSM(GAP x) + MLSM(GAP y), MLSM the multilabel soft margin loss (mean over classes
 * and batch of the binary cross-entropy on logits), w = 1 for S and SA and 0.4 for ST. Predictions are a net's forward
 * output [x, y, GAP x, GAP y]; labels are one (B, classes) multi-hot array. For a SCAM+ net the logits are those of
 * every node, (nodes·B, classes) in node order, all labelled with the sample's tag, and the loss sums over the nodes
 * (journal §3.2).
 */
final class ScamLoss extends Loss {

    private final float rawWeight;
    private final Loss marginLoss = Loss.sigmoidBinaryCrossEntropyLoss();

    ScamLoss(float rawWeight) {
        super("ScamLoss");
        this.rawWeight = rawWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray rows = labels.singletonOrThrow();
        long nodes = predictions.get(2).getShape().get(0) / rows.getShape().get(0);
        NDList perNode = new NDList(NDArrays.concat(new NDList(Collections.nCopies((int) nodes, rows)), 0));
        NDArray raw = marginLoss.evaluate(perNode, new NDList(predictions.get(2)));
        NDArray fused = marginLoss.evaluate(perNode, new NDList(predictions.get(3)));
        // each term is a mean over the nodes' rows: times the node count, a sum over the nodes
        return raw.mul(rawWeight).add(fused).mul(nodes);
    }
}
