package io.fixate.importer.tflite;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** binary16 as float16 weights are stored: normal, subnormal, signed and special values. */
class HalfFloatTest {

    @Test
    void widensEveryKindOfValueExactly() {
        assertEquals(1f, HalfFloat.toFloat((short) 0x3C00));
        assertEquals(-2f, HalfFloat.toFloat((short) 0xC000));
        assertEquals(65504f, HalfFloat.toFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, HalfFloat.toFloat((short) 0x0001));
        assertEquals(0x1p-14f, HalfFloat.toFloat((short) 0x0400));
        assertEquals(0.333251953125f, HalfFloat.toFloat((short) 0x3555));
        assertEquals(-0f, HalfFloat.toFloat((short) 0x8000));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloat.toFloat((short) 0x7C00));
        assertTrue(Float.isNaN(HalfFloat.toFloat((short) 0x7E00)));
    }
}
