package io.fixate.samples.baseline;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.DeviceChoice;
import io.fixate.api.DeviceUnavailableException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicBaselineOptionsTest {

    private static BaselineSettings settings(String key, String value) {
        return BaselineSettings.from(ModelOptions.builder().property(key, value).build());
    }

    private static void assertRejected(String key, String value, String expectedInMessage) {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> settings(key, value));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void describesItselfAsTheBriefSays() {
        ProviderInfo info = new ClassicBaselineProvider().info();
        assertEquals("classic-baseline", info.name());
        assertTrue(info.answersTo("Baseline"));
        Capabilities expected = new Capabilities(true, 1, 1, 0, 0, AudioRequirement.DEFAULT, false, List.of());
        assertEquals(expected, info.capabilities(), "audio, one frame each side, any size, no weights, no labels");
    }

    @Test
    void defaultsAndValidProperties() {
        assertEquals(new BaselineSettings(0.3, 64), BaselineSettings.from(ModelOptions.defaults()));
        assertEquals(0.0, settings("centre-bias", "0").centreBias());
        assertEquals(1.0, settings("centre-bias", " 1 ").centreBias());
        assertEquals(16, settings("grid", "16").gridLongSide());
        assertEquals(256, settings("grid", "256.0").gridLongSide());
    }

    @Test
    void rejectsPropertiesOutOfRangeOrMalformed() {
        assertRejected("centre-bias", "1.5", "centre-bias must be in [0.0, 1.0]");
        assertRejected("centre-bias", "strong", "must be a number");
        assertRejected("grid", "8", "grid must be in [16.0, 256.0]");
        assertRejected("grid", "64.5", "whole number");
    }

    @Test
    void rejectsUnknownPropertiesListingTheKnownOnes() {
        assertRejected("centre_bias", "0.3", "accepts centre-bias, grid");
    }

    @Test
    void rejectsWeightsAndInputSizes() {
        assertThrows(InvalidOptionsException.class,
                () -> BaselineSettings.from(ModelOptions.builder().weights(Path.of("model.pt")).build()));
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> BaselineSettings.from(ModelOptions.builder().inputSize(224).build()));
        assertTrue(e.getMessage().contains("'grid'"), e.getMessage());
    }

    @Test
    void runsOnTheCpuOnly() {
        ModelOptions gpu = ModelOptions.builder().device(DeviceChoice.GPU).build();
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> new ClassicBaselineProvider().open(gpu));
        assertEquals("classic-baseline runs on the CPU only", e.getMessage());
        for (DeviceChoice device : List.of(DeviceChoice.AUTO, DeviceChoice.CPU)) {
            new ClassicBaselineProvider().open(ModelOptions.builder().device(device).threads(4).build()).close();
        }
    }
}
