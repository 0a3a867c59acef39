package io.fixate.provider.scam.labeling;

import io.fixate.provider.scam.training.TrainingSample;

/**
 * A clip's frames by index, as the nodes of a SCAM+ graph see them: all of a decoded training clip, or what a
 * labelling pass holds of the clip it maps.
 */
public interface ClipNodes {

    /** Frames in the clip. */
    int length();

    /**
     * The node centred on frame {@code frame}: frames f − 1, f, f + 1 (the frame itself standing in beyond the clip's
     * ends) and f's audio window, labelled {@code tag}.
     *
     * @throws IllegalArgumentException when the frame is not held
     */
    TrainingSample node(int frame, int tag);

    /** The frames that may be long-term companions, in increasing order: every frame, or a bounded pool of them. */
    int[] longCandidates();
}
