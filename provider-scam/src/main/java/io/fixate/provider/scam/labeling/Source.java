package io.fixate.provider.scam.labeling;

import io.fixate.provider.scam.nets.InputKind;

/** The classification nets a CAM can come from (paper Eq. 2: Φ_S, Φ_ST, Φ_SA), with the input each one reads. */
public enum Source {
    /** Spatial: the current frame. */
    S(InputKind.FRAME),
    /** Spatio-temporal: the previous, current and next frames. */
    ST(InputKind.FRAME_TRIPLE),
    /** Spatial-audio: the current frame and its audio window. */
    SA(InputKind.FRAME_AND_AUDIO);

    private final InputKind input;

    Source(InputKind input) {
        this.input = input;
    }

    /** What the source's net reads. */
    public InputKind input() {
        return input;
    }
}
