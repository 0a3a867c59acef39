package io.fixate.provider.scam.labeling;

/** The context a SCAM+ net brings to its target (journal §3.2, spec §1.1). */
public enum Granularity {
    /** Neighbouring frames or triplets of the same clip. */
    SHORT,
    /** Frames or triplets of the same clip, far from the target. */
    LONG,
    /** Frames or triplets of another clip with the same tag. */
    CROSS
}
