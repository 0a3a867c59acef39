package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;

import java.util.Optional;

/**
 * A classifier the trainer can train: the block, what it reads, its loss on one-hot (B, classes) labels, how its
 * forward output becomes one score row per sample, whose argmax is the predicted class, and the encoder it sees frames
 * through. Implemented by the SCAM nets, the audio classifier and the sound switch.
 */
public interface TrainableNet {

    /** The network itself. */
    Block block();

    /** What each sample contributes to the inputs. */
    InputKind input();

    /** Number of classes, the length of a label row. */
    int classes();

    /** The training loss against one-hot (B, classes) labels. */
    Loss loss();

    /** The (B, classes) scores in a forward output; the predicted class is the argmax of a row. */
    NDArray scores(NDList forwardOutput);

    /** The encoder the net sees frames through; empty for the audio classifier, which only hears. */
    Optional<FrameEncoder> frameEncoder();

    /** Identifies the architecture (kind, encoders, classes) in weights manifests, so weights of another net fail. */
    String architectureId();

    /** How many nodes (the target and its companions) each sample brings; 1 but for the SCAM+ nets. */
    default int nodes() {
        return 1;
    }

    /**
     * Puts the weights a fresh training run starts from into the initialised net, after any imported encoder; none
     * by default. A resumed run has them in its checkpoint.
     */
    default void loadStartingWeights(NDManager manager) {
    }
}
