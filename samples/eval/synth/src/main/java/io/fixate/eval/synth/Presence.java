package io.fixate.eval.synth;

/**
 * When an object is on screen: from {@code appearsAt} to the end of the clip, except during [{@code hiddenFrom},
 * {@code hiddenUntil}), where it has left and not yet come back. Times in seconds.
 */
record Presence(double appearsAt, double hiddenFrom, double hiddenUntil) {

    /** On screen for the whole clip. */
    static final Presence ALWAYS = new Presence(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** Appears at {@code seconds} and stays. */
    static Presence from(double seconds) {
        return new Presence(seconds, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** On screen from the start, away during [{@code leaves}, {@code returns}). */
    static Presence returning(double leaves, double returns) {
        return new Presence(0, leaves, returns);
    }

    boolean visibleAt(double seconds) {
        return seconds >= appearsAt && !(seconds >= hiddenFrom && seconds < hiddenUntil);
    }
}
