package io.fixate.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.Test;

class EncodeOptionsTest {

    @Test
    void bitRatesTakeKiloAndMegaSuffixes() {
        assertEquals(800_000, EncodeOptions.bitsPerSecond("800000"));
        assertEquals(800_000, EncodeOptions.bitsPerSecond("800k"));
        assertEquals(2_500_000, EncodeOptions.bitsPerSecond("2.5M"));
    }

    @Test
    void aBitRateThatIsNotOneIsAUsageErrorQuotingIt() {
        for (String wrong : new String[] {"fast", "-300k", "0", "k", "1e12"}) {
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                    () -> EncodeOptions.bitsPerSecond(wrong));
            assertTrue(e.getMessage().contains("'" + wrong + "'"), e.getMessage());
        }
    }
}
