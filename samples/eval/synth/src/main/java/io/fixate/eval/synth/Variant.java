package io.fixate.eval.synth;

import java.util.List;
import java.util.Locale;

/**
 * The twist a clip adds to the basic scene (event object plus distractors). A benchmark cycles through its
 * {@link BenchmarkSpec#variants()} over the clips, so every variant occurs in every category in about equal numbers.
 * The last three are context variants: scenes in which one granularity of context alone (the frames around, the
 * clip's distant past, other clips of the tag) tells where people look.
 */
public enum Variant {
    /** No twist: the sounding event object and two or three silent distractors. */
    PLAIN(List.of()),
    /** Adds a silent twin of the event object. */
    SILENT_TWIN(List.of(Scenario.SILENT_TWIN)),
    /** Replaces the event's sound by irrelevant background audio. */
    IRRELEVANT_AUDIO(List.of(Scenario.IRRELEVANT_AUDIO)),
    /** One distractor leaves and comes back, and an object never seen before appears. */
    NEW_OBJECT(List.of(Scenario.RECURRING_OBJECT, Scenario.NEW_OBJECT)),
    /** One distractor moves fast. */
    FAST_DISTRACTOR(List.of(Scenario.FAST_DISTRACTOR)),
    /** The event and a decoy pass behind two screens at the same time; only the frames around show which is where. */
    OCCLUDED_EVENT(List.of(Scenario.SHORT_TERM)),
    /** The event falls silent and leaves; over a second later it returns silently beside a look-alike newcomer. */
    RETURNING_EVENT(List.of(Scenario.LONG_TERM)),
    /** Nothing in the clip singles the event out but its category's look: decoys share half of it. */
    LOOK_ALIKES(List.of(Scenario.CROSS_CLIP));

    /** The default cycle: each twist once per five clips. */
    public static final List<Variant> DEFAULT_CYCLE =
            List.of(SILENT_TWIN, PLAIN, IRRELEVANT_AUDIO, NEW_OBJECT, FAST_DISTRACTOR);

    /** The cycle of the granularity benchmark: one scene per granularity of context, short, long and cross. */
    public static final List<Variant> GRANULARITY_CYCLE = List.of(OCCLUDED_EVENT, RETURNING_EVENT, LOOK_ALIKES);

    private final List<Scenario> scenarios;

    Variant(List<Scenario> scenarios) {
        this.scenarios = scenarios;
    }

    /** Whether this is a context variant, whose scenes the {@link #GRANULARITY_CYCLE} is made of. */
    public boolean contextDecides() {
        return GRANULARITY_CYCLE.contains(this);
    }

    /** The scenarios this variant adds to the clip's motion scenario. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The name used in {@code dataset.json}, e.g. {@code silent-twin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
