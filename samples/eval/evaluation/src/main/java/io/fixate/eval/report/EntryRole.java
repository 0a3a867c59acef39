package io.fixate.eval.report;

import java.util.Locale;

/** What an entry of a report is, which decides how it is read. */
public enum EntryRole {
    /** A model under test. */
    MODEL,
    /** Maps saved by some earlier run, scored as they are. */
    PREDICTIONS,
    /** A reference any model should beat. */
    BASELINE,
    /** Computed from the ground truth itself: what a model can at best reach, not a competitor. */
    BOUND;

    /** The lower-case name reports print. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
