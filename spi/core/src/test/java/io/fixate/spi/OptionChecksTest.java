package io.fixate.spi;

import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionChecksTest {

    private static ModelOptions with(String value) {
        return ModelOptions.builder().property("stride", value).build();
    }

    @Test
    void aWholeNumberInRangeIsReadAndAnAbsentOneTakesTheFallback() {
        assertEquals(3, OptionChecks.intProperty("m", with(" 3 "), "stride", 1, 1, 10));
        assertEquals(4, OptionChecks.intProperty("m", with("4.0"), "stride", 1, 1, 10));
        assertEquals(7, OptionChecks.intProperty("m", ModelOptions.defaults(), "stride", 7, 1, 10));
    }

    @Test
    void fractionsWordsAndValuesOutOfRangeAreRefusedNamingProviderKeyAndValue() {
        for (String bad : new String[] {"1.5", "fast", "0", "11"}) {
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                    () -> OptionChecks.intProperty("m", with(bad), "stride", 1, 1, 10));
            assertTrue(e.getMessage().startsWith("m property stride") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
