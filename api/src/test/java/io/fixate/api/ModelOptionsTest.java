package io.fixate.api;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelOptionsTest {

    @Test
    void defaultsAreAutomaticEverywhere() {
        ModelOptions defaults = ModelOptions.defaults();
        assertEquals(DeviceChoice.AUTO, defaults.device());
        assertEquals(0, defaults.threads());
        assertEquals(Optional.empty(), defaults.weights());
        assertEquals(0, defaults.inputWidth());
        assertEquals(0, defaults.inputHeight());
        assertEquals(Map.of(), defaults.properties());
    }

    @Test
    void builderSetsEveryOption() {
        ModelOptions options = ModelOptions.builder().device(DeviceChoice.CPU).threads(2)
                .weights(Path.of("w.pt")).inputSize(320, 240).property("b", "2").property("a", "1").build();
        assertEquals(DeviceChoice.CPU, options.device());
        assertEquals(2, options.threads());
        assertEquals(Optional.of(Path.of("w.pt")), options.weights());
        assertEquals(320, options.inputWidth());
        assertEquals(240, options.inputHeight());
        assertEquals(List.of("a", "b"), List.copyOf(options.properties().keySet()));
    }

    @Test
    void toBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
        ModelOptions original = ModelOptions.builder().device(DeviceChoice.GPU).threads(3).inputSize(64)
                .property("k", "v").build();
        ModelOptions changed = original.toBuilder().property("k", "w").build();

        assertEquals("v", original.properties().get("k"));
        assertEquals("w", changed.properties().get("k"));
        assertEquals(original.toString().replace("k=v", "k=w"), changed.toString());
    }

    @Test
    void builtOptionsAreImmutable() {
        ModelOptions.Builder builder = ModelOptions.builder().property("k", "v");
        ModelOptions options = builder.build();
        builder.property("k", "changed");
        options.properties().put("k", "changed");
        assertEquals("v", options.properties().get("k"));
    }

    @Test
    void settersRejectBadValuesWithInvalidOptionsException() {
        ModelOptions.Builder builder = ModelOptions.builder();
        InvalidOptionsException threads = assertThrows(InvalidOptionsException.class, () -> builder.threads(-1));
        assertTrue(threads.getMessage().contains("-1"), threads.getMessage());
        assertThrows(InvalidOptionsException.class, () -> builder.inputSize(-1));
        assertThrows(InvalidOptionsException.class, () -> builder.inputSize(0, 240));
        assertThrows(InvalidOptionsException.class, () -> builder.property(" ", "v"));
        assertThrows(InvalidOptionsException.class, () -> builder.property(null, "v"));
        assertThrows(NullPointerException.class, () -> builder.property("k", null));
        assertThrows(NullPointerException.class, () -> builder.device(null));
    }

    @Test
    void zeroInputSizeMeansNative() {
        ModelOptions options = ModelOptions.builder().inputSize(64).inputSize(0).build();
        assertEquals(0, options.inputWidth());
        assertTrue(options.toString().contains("input=native"), options.toString());
    }
}
