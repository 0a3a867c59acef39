package io.fixate.provider.stanet.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * The STA+ training loss (journal Eq. 16): the sum over the three nodes of {@link StaLoss}'s BCE + KL of the node's
 * logit map against the label of the node's own centre frame. Labels: one (B, 3, H, W) array, the nodes' labels along
 * the channel axis in node order; predictions: the net's three (B, 1, H, W) logit maps.
 */
public final class StaPlusLoss extends Loss {

    private final StaLoss mapLoss = new StaLoss();

    public StaPlusLoss() {
        super("StaPlusLoss");
    }

    /** @throws IllegalArgumentException when the labels do not hold one map per prediction */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        if (label.getShape().get(1) != predictions.size()) {
            throw new IllegalArgumentException(predictions.size() + " node maps cannot be compared with labels of "
                    + label.getShape());
        }
        NDArray total = null;
        for (int node = 0; node < predictions.size(); node++) {
            NDArray nodeLabel = label.get(new NDIndex(":, {}:{}", node, node + 1));
            NDArray nodeLoss = mapLoss.evaluate(new NDList(nodeLabel), new NDList(predictions.get(node)));
            total = total == null ? nodeLoss : total.add(nodeLoss);
        }
        return total;
    }
}
