package io.fixate.importer.tflite;

/** IEEE 754 binary16 to float, for Java 17, which lacks {@code Float.float16ToFloat}. */
final class HalfFloat {

    private static final int EXPONENT_BIAS_DIFFERENCE = 127 - 15;
    private static final int MANTISSA_BITS = 10;

    private HalfFloat() {
    }

    static float toFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> MANTISSA_BITS) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | mantissa << (23 - MANTISSA_BITS));
        }
        if (exponent == 0) {
            // subnormal: mantissa × 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + EXPONENT_BIAS_DIFFERENCE) << 23
                | mantissa << (23 - MANTISSA_BITS));
    }
}
