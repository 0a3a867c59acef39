package io.fixate.importer.tflite;

/**
 * How a tensor's integers map to reals: {@code real = scale[c] * (q - zeroPoint[c])}, with one scale and zero point
 * for the whole tensor or one per index {@code c} along {@code axis} (per-channel quantisation).
 */
public record TfliteQuantisation(float[] scale, long[] zeroPoint, int axis) {

    /** A tensor without quantisation parameters. */
    static final TfliteQuantisation NONE = new TfliteQuantisation(new float[0], new long[0], 0);

    /** Whether the tensor carries scales at all. */
    public boolean isPresent() {
        return scale.length > 0;
    }
}
