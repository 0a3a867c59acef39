package io.fixate.provider.scam.recipe;

import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.scam.training.TrainingOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which encoders and starting weights a SCAM training accepts, and what each net's trainer is told of them. */
class TrainingSettingsTest {

    @Test
    void thePretrainedVisualEncoderIsTakenWithItsImportedWeightsFrozen() {
        TrainingSettings settings = TrainingSettings.parse(Map.of("visual-encoder", "mobilenet-v2",
                "encoder-weights", "encoders/mobilenet-v2", "freeze-encoder", "on"));

        assertEquals(settings, TrainingSettings.parse(settings.entries()));
        assertEquals("on", settings.entries().get("freeze-encoder"));
        for (NetSlot slot : NetSlot.values()) {
            TrainingOptions options = settings.options(slot, 1);
            boolean sees = !slot.isAudioClassifier();
            assertEquals(sees ? Optional.of(Path.of("encoders/mobilenet-v2")) : Optional.empty(),
                    options.encoderWeights(), slot.id());
            assertEquals(sees, options.freezeEncoder(), slot.id());
        }
    }

    @Test
    void byDefaultEveryNetStartsFromRandomWeights() {
        TrainingSettings settings = TrainingSettings.parse(Map.of());

        assertEquals("", settings.entries().get("encoder-weights"));
        assertEquals("off", settings.entries().get("freeze-encoder"));
        for (NetSlot slot : NetSlot.values()) {
            assertTrue(settings.options(slot, 1).encoderWeights().isEmpty(), slot.id());
            assertFalse(settings.options(slot, 1).freezeEncoder(), slot.id());
        }
    }

    @Test
    void anAudioEncoderThatTakesOtherThanTheSpectrogramIsRefused() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> TrainingSettings.parse(Map.of("visual-encoder", "mobilenet-v2", "audio-encoder", "yamnet")));
        assertTrue(refused.getMessage().contains("'yamnet'") && refused.getMessage().contains("compact"),
                refused.getMessage());
    }

    @Test
    void aFrozenEncoderNeedsImportedWeights() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> TrainingSettings.parse(Map.of("visual-encoder", "mobilenet-v2", "freeze-encoder", "on")));
        assertTrue(refused.getMessage().contains("freeze-encoder=on needs encoder-weights"), refused.getMessage());
    }

    @Test
    void freezeIsOnOrOff() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> TrainingSettings.parse(Map.of("freeze-encoder", "yes")));
        assertTrue(refused.getMessage().contains("freeze-encoder must be on or off, got 'yes'"),
                refused.getMessage());
    }

    @Test
    void anUnknownVisualEncoderIsRefusedWithTheKnownOnes() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> TrainingSettings.parse(Map.of("visual-encoder", "resnext")));
        assertTrue(refused.getMessage().contains("compact, mobilenet-v2"), refused.getMessage());
    }
}
