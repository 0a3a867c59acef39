package io.fixate.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CapabilitiesTest {

    @Test
    void theBuilderSetsEachFieldByName() {
        AudioRequirement window = new AudioRequirement(22_050, 1_000_000);
        Capabilities built = Capabilities.builder().usesAudio(window).frames(2, 1).nativeInput(128, 96).needsWeights()
                .labels(List.of("speech", "music")).build();
        assertEquals(new Capabilities(true, 2, 1, 128, 96, window, true, List.of("speech", "music")), built);
    }

    @Test
    void theBuilderStartsFromTheSimplestModel() {
        assertEquals(new Capabilities(false, 0, 0, 0, 0, AudioRequirement.DEFAULT, false, List.of()),
                Capabilities.builder().build());
    }

    @Test
    void theBuilderRefusesNegativeCountsAsTheConstructorDoes() {
        assertThrows(IllegalArgumentException.class, () -> Capabilities.builder().frames(-1, 0).build());
        assertThrows(IllegalArgumentException.class, () -> Capabilities.builder().nativeInput(0, -4).build());
    }
}
