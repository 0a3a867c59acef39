package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The SCAM classification loss: w·MLSM(GAP x) + MLSM(GAP y), MLSM the multilabel soft margin loss (mean over classes
 * and batch of the binary cross-entropy on logits), w = 1 for S and SA and 0.4 for ST. Predictions are a net's forward
 * output [x, y, GAP x, GAP y]; labels are one (B, classes) multi-hot array.
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
        NDArray raw = marginLoss.evaluate(labels, new NDList(predictions.get(2)));
        NDArray fused = marginLoss.evaluate(labels, new NDList(predictions.get(3)));
        return raw.mul(rawWeight).add(fused);
    }
}
