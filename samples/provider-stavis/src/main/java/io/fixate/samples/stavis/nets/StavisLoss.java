package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * STAViS's saliency loss: for each supervised logit map o of the net and the target density g in [0, 1] of the same
 * shape (B, 1, H, W), {@value #BCE_WEIGHT}·BCE(o, g) − {@value #CC_WEIGHT}·CC(σ(o), g) − {@value #NSS_WEIGHT}·NSS(σ(o),
 * g), summed over the maps. BCE is the mean over all elements (from logits, numerically stable); CC and NSS are
 * computed per sample and averaged over the batch. The loss is negative for a good prediction: it is minimised, so
 * higher CC and NSS lower it.
 *
 * <p>NSS needs fixation points, but the targets here are density maps only (a dataset's density or a teacher's map,
 * {@link io.fixate.spi.djl.training.TargetDecoder}). NSS is therefore the density-weighted mean of the standardised
 * prediction: NSS = Σ z·g / Σ g with z = (p − mean p) / std p. For a binary fixation map (1 at each fixated pixel) this
 * is exactly the benchmarks' NSS, the mean of z over the fixations; for a blurred density it weights each position by
 * how much it was looked at, and it does not change when g is scaled. An all-zero target has no fixation: its NSS and
 * CC terms are 0 (only the BCE pulls the prediction down).
 *
 * <p>CC and NSS do not change when the prediction is scaled, so their gradients grow as 1 / its standard deviation,
 * without bound on the nearly constant maps a fresh net makes (σ(−6) almost everywhere): the first training run
 * diverged within two epochs. The constant {@value #EPSILON}, added to the per-pixel variances (means over the map, not
 * sums, so that it does not depend on the map's size) under the square roots, floors the standard deviation of maps in
 * [0, 1] at 0.001 and keeps the gradients bounded and finite, also on constant maps, whose variance is exactly 0.
 * Labels: one (B, 1, H, W) array; predictions: the net's forward output, of which the first {@code supervisedMaps}
 * are supervised.
 */
public final class StavisLoss extends Loss {

    static final float BCE_WEIGHT = 0.1f;
    static final float CC_WEIGHT = 2f;
    static final float NSS_WEIGHT = 1f;
    static final float EPSILON = 1e-6f;

    private final Loss binaryCrossEntropy = Loss.sigmoidBinaryCrossEntropyLoss();
    private final int supervisedMaps;

    /** The loss of the first {@code supervisedMaps} outputs of the net. */
    public StavisLoss(int supervisedMaps) {
        super("StavisLoss");
        this.supervisedMaps = supervisedMaps;
    }

    /** @throws IllegalArgumentException when a supervised map and the label differ in shape */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        NDArray total = null;
        for (int i = 0; i < supervisedMaps; i++) {
            NDArray logits = predictions.get(i);
            if (!logits.getShape().equals(label.getShape())) {
                throw new IllegalArgumentException("an output map of " + logits.getShape()
                        + " cannot be compared with a label of " + label.getShape());
            }
            NDArray saliency = Activation.sigmoid(logits);
            NDArray mapLoss = binaryCrossEntropy.evaluate(labels, new NDList(logits)).mul(BCE_WEIGHT)
                    .sub(correlation(saliency, label).mul(CC_WEIGHT))
                    .sub(scanpathSaliency(saliency, label).mul(NSS_WEIGHT));
            total = total == null ? mapLoss : total.add(mapLoss);
        }
        return total;
    }

    /** The mean over the batch of each sample's linear correlation coefficient of p and g. */
    static NDArray correlation(NDArray prediction, NDArray target) {
        NDArray p = centred(prediction);
        NDArray g = centred(target);
        NDArray covariance = p.mul(g).mean(new int[] {1});
        NDArray spread = p.square().mean(new int[] {1}).mul(g.square().mean(new int[] {1})).add(EPSILON).sqrt();
        return covariance.div(spread).mean();
    }

    /** The mean over the batch of each sample's density-weighted NSS (see the class comment). */
    static NDArray scanpathSaliency(NDArray prediction, NDArray target) {
        NDArray p = centred(prediction);
        NDArray standardised = p.div(p.square().mean(new int[] {1}, true).add(EPSILON).sqrt());
        NDArray g = flat(target);
        return standardised.mul(g).sum(new int[] {1}).div(g.sum(new int[] {1}).add(EPSILON)).mean();
    }

    /** (B, ...) maps as (B, N) rows minus their mean. */
    private static NDArray centred(NDArray maps) {
        NDArray rows = flat(maps);
        return rows.sub(rows.mean(new int[] {1}, true));
    }

    private static NDArray flat(NDArray maps) {
        return maps.reshape(maps.getShape().get(0), -1);
    }
}
