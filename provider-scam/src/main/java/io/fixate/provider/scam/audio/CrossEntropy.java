package io.fixate.provider.scam.audio;

import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * The cross-entropy both nets train with, on logits and one-hot (B, classes) labels: the form {@link
 * io.fixate.provider.scam.training.Batches#labels} makes, so its batches feed these nets too.
 */
final class CrossEntropy {

    private CrossEntropy() {
    }

    static Loss onOneHotLabels(String name) {
        return new SoftmaxCrossEntropyLoss(name, 1, -1, false, true);
    }
}
