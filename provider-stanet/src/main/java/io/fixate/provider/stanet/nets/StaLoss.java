package io.fixate.provider.stanet.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * The STA training loss of the reference (fact sheet §3 "STA"): for every output logit map o of the net and the
 * pseudo-fixation map g in [0, 1] of the same shape (B, 1, H, W), BCEWithLogits(o, g) + KLD(σ(o), g), summed over the
 * maps. The BCE is PyTorch's default, the mean over all elements; KLD(p, g) = Σ ĝ·log(ε + ĝ/(p̂ + ε)) with p̂ = p/Σp,
 * ĝ = g/Σg and ε = 2.2e-16, the sums running over the whole batch tensor as in the reference.
 *
 * <p>An all-zero g would make ĝ = 0/0; its sum is floored at ε instead, so ĝ = 0 and the KL term is exactly 0 (a map
 * without fixations has no distribution to match, and the BCE still pulls the prediction down). Σp is floored too:
 * sigmoids of logits below about −100 are exactly 0 in float, and a batch of such maps gave a NaN loss in an STA+
 * run (docs/stanet-plus.md); the BCE still pulls those logits back. Labels: one (B, 1, H, W) array; predictions: the
 * net's forward output.
 */
public final class StaLoss extends Loss {

    static final float EPSILON = 2.2e-16f;

    private final Loss binaryCrossEntropy = Loss.sigmoidBinaryCrossEntropyLoss();

    public StaLoss() {
        super("StaLoss");
    }

    /** @throws IllegalArgumentException when a prediction and the label differ in shape */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        NDArray total = null;
        for (NDArray logits : predictions) {
            if (!logits.getShape().equals(label.getShape())) {
                throw new IllegalArgumentException("an output map of " + logits.getShape()
                        + " cannot be compared with a label of " + label.getShape());
            }
            NDArray mapLoss = binaryCrossEntropy.evaluate(labels, new NDList(logits))
                    .add(divergence(Activation.sigmoid(logits), label));
            total = total == null ? mapLoss : total.add(mapLoss);
        }
        return total;
    }

    /** KLD(p, g) of the reference over the whole tensors. */
    static NDArray divergence(NDArray prediction, NDArray label) {
        NDArray predicted = prediction.div(prediction.sum().maximum(EPSILON));
        NDArray target = label.div(label.sum().maximum(EPSILON));
        return target.mul(target.div(predicted.add(EPSILON)).add(EPSILON).log()).sum();
    }
}
