package io.fixate.eval.synth;

/** What an object is for in its clip; {@link #label()} is the {@code role} written to {@code clip.json}. */
enum ObjectRole {
    /** The object of the clip's category; it sounds unless the clip carries irrelevant audio. */
    EVENT("event"),
    /** A silent copy of the event object, pulsing out of sync with the sound. */
    TWIN("twin"),
    /** An object of another category, always silent; it may move fast or leave and come back. */
    DISTRACTOR("distractor"),
    /** An object of another category that first appears in the middle of the clip. */
    NEW("new");

    private final String label;

    ObjectRole(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
