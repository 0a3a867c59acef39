package io.fixate.samples.baseline;

/** A grid of float values on the working grid, immutable; the arithmetic the baseline rule is written in. */
final class ValueGrid {

    private final int width;
    private final int height;
    private final float[] values;

    ValueGrid(int width, int height, float[] values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " plane needs " + width * height + " values");
        }
        this.width = width;
        this.height = height;
        this.values = values;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    float get(int index) {
        return values[index];
    }

    float[] toArray() {
        return values.clone();
    }

    float max() {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** |this − other| cell by cell. */
    ValueGrid absDifference(ValueGrid other) {
        requireSameSize(other);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(values[i] - other.values[i]);
        }
        return new ValueGrid(width, height, out);
    }

    /** this + other cell by cell. */
    ValueGrid plus(ValueGrid other) {
        requireSameSize(other);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] + other.values[i];
        }
        return new ValueGrid(width, height, out);
    }

    ValueGrid times(double factor) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] * factor);
        }
        return new ValueGrid(width, height, out);
    }

    /**
     * This plane divided by its maximum, or by {@code floor} when the maximum is below it, so that a plane holding
     * only noise is not stretched up to full strength.
     */
    ValueGrid normalised(float floor) {
        return times(1.0 / Math.max(max(), floor));
    }

    /**
     * The mean over the (2·radius+1)² square around each cell. Near the edges only the cells inside the plane are
     * averaged, so the edges are neither darkened (zero padding) nor given extra weight (replication).
     */
    ValueGrid boxBlur(int radius) {
        float[] rowsDone = new float[values.length];
        for (int y = 0; y < height; y++) {
            blurLine(values, rowsDone, y * width, 1, width, radius);
        }
        float[] out = new float[values.length];
        for (int x = 0; x < width; x++) {
            blurLine(rowsDone, out, x, width, height, radius);
        }
        return new ValueGrid(width, height, out);
    }

    /** One-dimensional in-bounds box mean over the {@code length} cells at {@code start + i·stride}. */
    private static void blurLine(float[] in, float[] out, int start, int stride, int length, int radius) {
        double[] prefix = new double[length + 1];
        for (int i = 0; i < length; i++) {
            prefix[i + 1] = prefix[i] + in[start + i * stride];
        }
        for (int i = 0; i < length; i++) {
            int lo = Math.max(0, i - radius);
            int hi = Math.min(length - 1, i + radius);
            out[start + i * stride] = (float) ((prefix[hi + 1] - prefix[lo]) / (hi - lo + 1));
        }
    }

    private void requireSameSize(ValueGrid other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException(
                    "planes differ in size: " + width + "x" + height + " and " + other.width + "x" + other.height);
        }
    }
}
