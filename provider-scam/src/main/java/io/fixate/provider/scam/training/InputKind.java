package io.fixate.provider.scam.training;

import io.fixate.provider.scam.nets.SaNet;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.provider.scam.nets.StNet;

/** What a classification net reads from a {@link TrainingSample}. */
public enum InputKind {
    /** Net S: the current frame. */
    FRAME,
    /** Net ST: the previous, current and next frames. */
    FRAME_TRIPLE,
    /** Net SA: the current frame and the spectrogram of its audio window. */
    FRAME_AND_AUDIO;

    /** The kind of {@code net}. */
    public static InputKind of(ScamNet net) {
        if (net instanceof StNet) {
            return FRAME_TRIPLE;
        }
        return net instanceof SaNet ? FRAME_AND_AUDIO : FRAME;
    }
}
