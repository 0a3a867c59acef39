package io.fixate.eval.synth;

import java.util.Locale;

/**
 * What a clip tests, as listed in its {@code clip.json} under {@code scenarios}. Every clip but those of the context
 * variants is either {@link #STATIC_EVENT} or {@link #MOVING_EVENT}; the others come from its {@link Variant}.
 */
public enum Scenario {
    /** The event object stays still while its distractors move: motion points away from it. */
    STATIC_EVENT,
    /** The event object moves while its distractors stay still: motion points at it. */
    MOVING_EVENT,
    /** A silent object of the same look as the event pulses out of sync; only synchrony with the sound decides. */
    SILENT_TWIN,
    /** The sound is background music or noise, not the event's signature; the event object makes no sound. */
    IRRELEVANT_AUDIO,
    /** A distractor leaves and comes back: seen before, it is not new. */
    RECURRING_OBJECT,
    /** A distractor appears for the first time in the middle of the clip and draws a share of attention. */
    NEW_OBJECT,
    /** A distractor crosses the frame fast and draws a share of attention. */
    FAST_DISTRACTOR,
    /** The event is hidden behind a screen in some frames; only the frames within about half a second show it. */
    SHORT_TERM,
    /** The event returns silently beside a newcomer of the same look; only the clip's distant past tells which. */
    LONG_TERM,
    /** Within the clip the event behaves like its decoys; only the look its tag has in other clips tells which. */
    CROSS_CLIP;

    /** The name written to {@code clip.json}, e.g. {@code silent-twin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
