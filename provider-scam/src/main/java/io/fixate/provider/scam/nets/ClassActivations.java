package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * A forward output of a {@link ScamNet}, by name. The arrays belong to the manager of the forward pass.
 *
 * @param raw                 class maps x before fusion, (B, classes, h, w)
 * @param fused               class maps y after fusion, (B, classes, h, w)
 * @param rawLogits           GAP x, (B, classes)
 * @param fusedLogits         GAP y, (B, classes)
 * @param confidenceFromFused whether {@link #confidences()} reads the fused logits (else the raw ones)
 */
public record ClassActivations(NDArray raw, NDArray fused, NDArray rawLogits, NDArray fusedLogits,
                               boolean confidenceFromFused) {

    /**
     * The class activation map of class {@code classIndex} as the reference exports it: ReLU((x + y) / 2) of that
     * class, (B, h, w) at the encoder's resolution, not normalised.
     */
    public NDArray cam(int classIndex) {
        long classes = raw.getShape().get(1);
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " is not one of the " + classes + " classes");
        }
        NDIndex ofClass = new NDIndex(":, {}", classIndex);
        return Activation.relu(raw.get(ofClass).add(fused.get(ofClass)).div(2));
    }

    /**
     * Softmax of the logits the reference filters on, (B, classes): the input of {@link
     * io.fixate.provider.scam.maps.SoftFilter}.
     */
    public NDArray confidences() {
        return (confidenceFromFused ? fusedLogits : rawLogits).softmax(1);
    }

    /** These activations with other fused maps (the same logits, hence the same confidences). */
    public ClassActivations withFused(NDArray maps) {
        return new ClassActivations(raw, maps, rawLogits, fusedLogits, confidenceFromFused);
    }
}
