package io.fixate.provider.scam.recipe;

import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.scam.labeling.PlusSource;
import io.fixate.spi.djl.nn.ConservativeGcn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SCAM+ stages' settings: the journal's defaults, a round trip through entries, and what is refused. */
class PlusSettingsTest {

    @Test
    void defaultsAreTheJournalsAndEntriesRoundTrip() {
        PlusSettings defaults = PlusSettings.parse(Map.of("epochs", "3"));

        assertEquals(3, defaults.steps());
        assertEquals(2, defaults.companions());
        assertTrue(defaults.refine());
        assertEquals(ConservativeGcn.Update.CONSERVATIVE, defaults.update());
        assertEquals(EnumSet.allOf(PlusSource.class), defaults.nets());
        assertFalse(defaults.shared());
        assertEquals(defaults, PlusSettings.parse(defaults.entries()));
        PlusSettings other = PlusSettings.parse(Map.of("gcn-update", "gated-gru", "frl", "off", "plus-nets",
                "st-long, sa-cross", "companions", "3"));
        assertEquals(other, PlusSettings.parse(other.entries()));
        assertEquals(EnumSet.of(PlusSource.ST_LONG, PlusSource.SA_CROSS), other.nets());
    }

    @Test
    void eachNetHasItsFileUnlessTheNetsOfASourceAreShared() {
        assertEquals(8, PlusSettings.parse(Map.of()).netFiles().size());
        Map<String, List<PlusSource>> shared = PlusSettings.parse(Map.of("shared-nets", "on")).netFiles();
        assertEquals(List.of("s", "st", "sa"), List.copyOf(shared.keySet()));
        assertEquals(List.of(PlusSource.SA_LONG, PlusSource.SA_CROSS), shared.get("sa"));
    }

    @ParameterizedTest
    @CsvSource({"gcn-steps, 0", "gcn-steps, two", "companions, 5", "gcn-update, gru", "frl, yes", "plus-nets, s-tiny",
            "plus-lr, -1", "gallery-clips, 0", "plus-epochs, 0"})
    void malformedOrOutOfRangeValuesAreRefusedNamingTheSetting(String key, String value) {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> PlusSettings.parse(Map.of(key, value)));
        assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }

    @Test
    void sharedNetsNeedTwoCompanions() {
        assertThrows(InvalidOptionsException.class, () -> PlusSettings.parse(Map.of("shared-nets", "on",
                "companions", "3")));
    }
}
