package io.fixate.provider.stanet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which of STANet+'s nets a session runs and fuses: all three (STANet+ proper) or one alone, for comparisons. */
enum PlusNets {

    ALL,
    STA,
    SHORT,
    LONG;

    /** The option value that names this choice. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every choice's option value. */
    static List<String> keys() {
        return Arrays.stream(values()).map(PlusNets::key).toList();
    }

    boolean runsSta() {
        return this == ALL || this == STA;
    }

    boolean runsShort() {
        return this == ALL || this == SHORT;
    }

    boolean runsLong() {
        return this == ALL || this == LONG;
    }
}
