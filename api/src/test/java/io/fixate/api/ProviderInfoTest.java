package io.fixate.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderInfoTest {

    private static final Capabilities CAPABILITIES =
            new Capabilities(true, 1, 1, 0, 0, AudioRequirement.DEFAULT, false, List.of());

    @Test
    void answersToItsNameAndAliasesIgnoringCase() {
        ProviderInfo info = new ProviderInfo("classic-baseline", List.of("baseline"), "d", CAPABILITIES);
        assertTrue(info.answersTo("Classic-Baseline"));
        assertTrue(info.answersTo("BASELINE"));
        assertFalse(info.answersTo("base"));
    }

    @Test
    void aliasesAndLabelsAreCopied() {
        List<String> aliases = new ArrayList<>(List.of("a"));
        List<String> labels = new ArrayList<>(List.of("speech"));
        ProviderInfo info = new ProviderInfo("x", aliases, "d",
                new Capabilities(false, 0, 0, 0, 0, AudioRequirement.DEFAULT, false, labels));
        aliases.add("b");
        labels.add("music");
        assertEquals(List.of("a"), info.aliases());
        assertEquals(List.of("speech"), info.capabilities().labels());
    }

    @Test
    void rejectsBlankNamesAndNegativeCapabilities() {
        assertThrows(IllegalArgumentException.class, () -> new ProviderInfo(" ", List.of(), "d", CAPABILITIES));
        assertThrows(IllegalArgumentException.class,
                () -> new Capabilities(true, -1, 0, 0, 0, AudioRequirement.DEFAULT, false, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Capabilities(true, 0, 0, -2, 0, AudioRequirement.DEFAULT, false, List.of()));
    }

    @Test
    void unknownProviderMessageListsWhatIsAvailable() {
        UnknownProviderException some = new UnknownProviderException("predictor", "nope", List.of("a", "b"));
        assertEquals("no predictor named 'nope'; available: a, b", some.getMessage());
        assertEquals(List.of("a", "b"), some.available());
        UnknownProviderException none = new UnknownProviderException("labeler", "x", List.of());
        assertTrue(none.getMessage().contains("none (no provider module on the path)"), none.getMessage());
    }
}
