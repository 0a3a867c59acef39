package io.fixate.provider.scam.labeling;

import java.util.Locale;

/**
 * The eight SCAM+ nets (journal §3.2): a SCAM source branch given one granularity of context. SA+ has no Short net,
 * as the paper argues that the audio window already covers the short term.
 */
public enum PlusSource {
    S_SHORT(Source.S, Granularity.SHORT),
    S_LONG(Source.S, Granularity.LONG),
    S_CROSS(Source.S, Granularity.CROSS),
    ST_SHORT(Source.ST, Granularity.SHORT),
    ST_LONG(Source.ST, Granularity.LONG),
    ST_CROSS(Source.ST, Granularity.CROSS),
    SA_LONG(Source.SA, Granularity.LONG),
    SA_CROSS(Source.SA, Granularity.CROSS);

    private final Source source;
    private final Granularity granularity;

    PlusSource(Source source, Granularity granularity) {
        this.source = source;
        this.granularity = granularity;
    }

    /** The SCAM source whose branch the net runs. */
    public Source source() {
        return source;
    }

    public Granularity granularity() {
        return granularity;
    }

    /** The net's name in options, manifests and reports, e.g. {@code st-long}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Short's companions are fixed at two; Long's and Cross's number is a setting. */
    public int companions(int longAndCross) {
        return granularity == Granularity.SHORT ? 2 : longAndCross;
    }
}
