package io.fixate.provider.scam.labeling;

/** How far the coarse-to-fine SCAM goes (paper §3.6; the COARSE and FINE halves of its Tables 1 and 2). */
public enum Stage {
    /** The fusion of the whole-frame CAMs is the map. */
    COARSE,
    /** The fusion of the fine nets' CAMs on the coarse region of interest, pasted back into the frame, is the map. */
    FINE
}
