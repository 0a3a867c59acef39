package io.fixate.eval.synth;

import java.util.List;
import java.util.Locale;

/**
 * The twist a clip adds to the basic scene (event object plus distractors). A benchmark cycles through its
 * {@link BenchmarkSpec#variants()} over the clips, so every variant occurs in every category in about equal numbers.
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
    FAST_DISTRACTOR(List.of(Scenario.FAST_DISTRACTOR));

    /** The default cycle: each twist once per five clips. */
    public static final List<Variant> DEFAULT_CYCLE =
            List.of(SILENT_TWIN, PLAIN, IRRELEVANT_AUDIO, NEW_OBJECT, FAST_DISTRACTOR);

    private final List<Scenario> scenarios;

    Variant(List<Scenario> scenarios) {
        this.scenarios = scenarios;
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
