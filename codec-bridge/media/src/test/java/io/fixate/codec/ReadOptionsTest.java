package io.fixate.codec;

import io.fixate.api.AudioRequirement;
import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadOptionsTest {

    @Test
    void wholeMediaByDefault() {
        ReadOptions options = ReadOptions.of(new AudioRequirement(22_050, 1_000_000));
        assertEquals(0, options.startMicros());
        assertFalse(options.isBounded());
        assertEquals(Long.MAX_VALUE, options.endMicros());
        assertEquals(AudioRequirement.DEFAULT, ReadOptions.DEFAULT.audio());
    }

    @Test
    void withersSetTheRange() {
        ReadOptions options = ReadOptions.DEFAULT.from(2_000_000).lasting(500_000);
        assertEquals(2_000_000, options.startMicros());
        assertTrue(options.isBounded());
        assertEquals(2_500_000, options.endMicros());
        assertFalse(options.lasting(0).isBounded());
    }

    @Test
    void negativeStartIsInvalid() {
        InvalidOptionsException error = assertThrows(InvalidOptionsException.class,
                () -> ReadOptions.DEFAULT.from(-1));
        assertTrue(error.getMessage().contains("-1"), error.getMessage());
    }

    @Test
    void hugeRangesDoNotOverflow() {
        assertEquals(Long.MAX_VALUE, ReadOptions.DEFAULT.from(Long.MAX_VALUE - 5).lasting(10).endMicros());
    }

    @Test
    void estimatedFramesNeedDurationAndRate() {
        assertEquals(75, new MediaInfo(1, 1, 25, 3_000_000, false, 0, 0, "x", "").estimatedFrames());
        assertEquals(0, new MediaInfo(1, 1, 25, 0, false, 0, 0, "x", "").estimatedFrames());
        assertEquals(0, new MediaInfo(1, 1, 0, 3_000_000, false, 0, 0, "x", "").estimatedFrames());
    }
}
