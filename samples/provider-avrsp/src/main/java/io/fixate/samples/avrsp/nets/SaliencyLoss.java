package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * The paper's loss (its Eq. 19), KL − 0.1·CC − 0.1·SIM, between the predicted map P = σ(logits) and the target map
 * G in [0, 1], each (B, 1, H, W), computed per sample and averaged over the batch:
 * KL = Σ Ĝ·log(ε + Ĝ/(P̂ + ε)), CC = Σ(P − μ_P)(G − μ_G) / √(Σ(P − μ_P)²·Σ(G − μ_G)² + ε), SIM = Σ min(P̂, Ĝ), with
 * P̂ = P/ΣP and Ĝ = G/ΣG the maps as distributions and ε = {@value #EPSILON}. The ε under the root makes the CC of a
 * constant map 0 rather than 0/0, and the sums are floored at ε, so an all-zero target (a frame nobody fixated)
 * contributes nothing instead of a NaN. Labels: one (B, 1, H, W) array; predictions: the net's logits.
 */
public final class SaliencyLoss extends Loss {

    static final float EPSILON = 1e-7f;
    /** The weights of CC and SIM in the paper. */
    static final float CC_WEIGHT = 0.1f;
    static final float SIM_WEIGHT = 0.1f;

    /** The loss with the paper's weights: 1 for KL, −0.1 for CC and −0.1 for SIM. */
    public SaliencyLoss() {
        super("SaliencyLoss");
    }

    /** @throws IllegalArgumentException when the prediction and the label differ in shape */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        NDArray logits = predictions.get(0);
        if (!logits.getShape().equals(label.getShape())) {
            throw new IllegalArgumentException("a map of " + logits.getShape() + " cannot be compared with a label of "
                    + label.getShape());
        }
        long batch = label.getShape().get(0);
        NDArray predicted = Activation.sigmoid(logits).reshape(batch, -1);
        NDArray target = label.reshape(batch, -1);
        NDArray predictedDistribution = distribution(predicted);
        NDArray targetDistribution = distribution(target);
        NDArray divergence = targetDistribution.mul(targetDistribution.div(predictedDistribution.add(EPSILON))
                .add(EPSILON).log()).sum(new int[] {1});
        NDArray similarity = predictedDistribution.minimum(targetDistribution).sum(new int[] {1});
        return divergence.sub(correlation(predicted, target).mul(CC_WEIGHT)).sub(similarity.mul(SIM_WEIGHT)).mean();
    }

    /** Each row divided by its sum, floored at ε. */
    private static NDArray distribution(NDArray rows) {
        return rows.div(rows.sum(new int[] {1}, true).maximum(EPSILON));
    }

    /** The CC of each row pair. */
    private static NDArray correlation(NDArray predicted, NDArray target) {
        NDArray p = predicted.sub(predicted.mean(new int[] {1}, true));
        NDArray g = target.sub(target.mean(new int[] {1}, true));
        NDArray variances = p.square().sum(new int[] {1}).mul(g.square().sum(new int[] {1}));
        return p.mul(g).sum(new int[] {1}).div(variances.add(EPSILON).sqrt());
    }
}
