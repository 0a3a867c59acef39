package io.fixate.provider.scam.maps;

import java.util.Arrays;
import java.util.Objects;

/**
 * A class activation map or any map derived from it, immutable: finite float values, row-major, {@code width}
 * columns by {@code height} rows. Unlike a fixation map it is not restricted to [0, 1] and carries no frame geometry;
 * it is the working type of the SCAM map operations.
 */
public final class CamMap {

    private final int width;
    private final int height;
    private final float[] values;

    private CamMap(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /**
     * A map from row-major values, which are copied.
     *
     * @throws IllegalArgumentException if a dimension is not positive, the sizes disagree or a value is not finite
     */
    public static CamMap of(int width, int height, float[] values) {
        Objects.requireNonNull(values, "values");
        requirePositiveSize(width, height);
        if ((long) width * height != values.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " map needs " + (long) width * height
                    + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("map value " + values[i] + " at index " + i + " is not finite");
            }
        }
        return new CamMap(width, height, values.clone());
    }

    /** Takes ownership of values computed by the operations of this package, which are finite by construction. */
    static CamMap wrap(int width, int height, float[] values) {
        return new CamMap(width, height, values);
    }

    static void requirePositiveSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map dimensions must be positive, got " + width + "x" + height);
        }
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** The value in column {@code x} of row {@code y}. */
    public float value(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return values[y * width + x];
    }

    /** A copy of all values, row-major. */
    public float[] toArray() {
        return values.clone();
    }

    /** Row-major value at {@code index}, without a bounds message; for the loops of this package. */
    float at(int index) {
        return values[index];
    }

    /** Number of values. */
    int size() {
        return values.length;
    }

    /** Arithmetic mean of all values. */
    public double mean() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Whether every value is the same; such a map says nothing about where to look. */
    public boolean isConstant() {
        for (float v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Min-max normalisation Z(·) to [0, 1]: {@code (v - min) / (max - min)}, the normalisation ξ[·] of paper Eq. 2.
     * A constant map is returned unchanged, as the reference's {@code MatrixNormalization} skips constants (fact sheet
     * §4); its values then need not lie in [0, 1].
     */
    public CamMap normalized() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            return this;
        }
        // in double: the float range of two extreme finite values overflows to infinity
        double range = (double) max - min;
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) ((values[i] - (double) min) / range);
        }
        return wrap(width, height, result);
    }

    /** ReLU: negative values become 0, as in the reference's CAM export {@code ReLU((raw + fused) / 2)} (§2). */
    public CamMap rectified() {
        return zeroedBelow(0);
    }

    /** The map with every value below {@code threshold} set to 0 and the others kept. */
    public CamMap zeroedBelow(double threshold) {
        float[] result = values.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] < threshold) {
                result[i] = 0f;
            }
        }
        return wrap(width, height, result);
    }

    /** @throws IllegalArgumentException if {@code other} has another size than this map */
    void requireSameSizeAs(CamMap other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("a " + other.width + "x" + other.height
                    + " map cannot be combined with a " + width + "x" + height + " map");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CamMap other && other.width == width && other.height == height
                && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CamMap[" + width + "x" + height + "]";
    }
}
