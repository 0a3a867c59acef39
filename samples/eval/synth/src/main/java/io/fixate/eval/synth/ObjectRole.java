package io.fixate.eval.synth;

/** What an object is for in its clip; {@link #label()} is the {@code role} written to {@code clip.json}. */
enum ObjectRole {
    /**
     * The object of the clip's category; it sounds unless the clip carries irrelevant audio (in long-term clips only
     * until it first leaves, in cross-clip clips out of step with its size).
     */
    EVENT("event"),
    /** A silent copy of the event object, pulsing out of sync with the sound. */
    TWIN("twin"),
    /** An object of another category, always silent; it may move fast or leave and come back. */
    DISTRACTOR("distractor"),
    /**
     * An object that first appears in the middle of the clip: of another category, or in long-term clips of the
     * event's own.
     */
    NEW("new"),
    /**
     * A silent object made to be taken for the event: in short-term clips the one hiding behind the other screen, in
     * cross-clip clips one with half of the tag's look (its category is the one lending the other half).
     */
    DECOY("decoy");

    private final String label;

    ObjectRole(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
