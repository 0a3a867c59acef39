package io.fixate.eval.metrics;

import java.util.Objects;

/**
 * Matlab's {@code imresize(P, [h w])} with its default bicubic method, as the MIT saliency metrics call it on every
 * prediction: Keys cubic kernel with a = −0.5, antialiasing when shrinking (the kernel is stretched by 1/scale and
 * scaled by scale), an independent scale {@code out/in} per dimension, the dimension with the smaller scale resized
 * first (rows first on a tie, as Matlab's stable sort orders them), output sample x (1-based) centred on input
 * {@code u = x/s + 0.5(1 − 1/s)}, weights normalised to sum 1 and no clamping of the output, so overshoot below 0 or
 * above the input range survives.
 */
public final class MatlabResize {

    /** How taps outside the input are read. */
    public enum Boundary {
        /** Mirror with the edge sample repeated ({@code d c b a | a b c d | d c b a}), as current Matlab does. */
        SYMMETRIC,
        /** Repeat the edge sample, as the 2013 {@code imresize.m} did. */
        REPLICATE;

        /** The in-range index (0-based) that stands for {@code index} in a line of {@code length} samples. */
        int map(int index, int length) {
            if (this == REPLICATE) {
                return Math.min(Math.max(index, 0), length - 1);
            }
            int period = Math.floorMod(index, 2 * length);
            return period < length ? period : 2 * length - 1 - period;
        }
    }

    private static final double KERNEL_WIDTH = 4;

    private MatlabResize() {
    }

    /**
     * {@code source} resized to {@code height} × {@code width}; the same grid when the size already matches (Matlab's
     * bicubic weights at scale 1 are an exact identity).
     */
    public static Grid resize(Grid source, int height, int width, Boundary boundary) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(boundary, "boundary");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("target dimensions must be positive, got " + height + "x" + width);
        }
        double rowScale = (double) height / source.height();
        double columnScale = (double) width / source.width();
        Grid resized = source;
        if (columnScale < rowScale) {
            resized = resizeColumns(resized, width, boundary);
            resized = resizeRows(resized, height, boundary);
        } else {
            resized = resizeRows(resized, height, boundary);
            resized = resizeColumns(resized, width, boundary);
        }
        return resized;
    }

    /** Changes the number of rows (Matlab dimension 1). */
    private static Grid resizeRows(Grid in, int outHeight, Boundary boundary) {
        if (outHeight == in.height()) {
            return in;
        }
        Taps taps = Taps.of(in.height(), outHeight, boundary);
        int width = in.width();
        double[] src = in.values();
        double[] out = new double[outHeight * width];
        for (int y = 0; y < outHeight; y++) {
            for (int t = 0; t < taps.count; t++) {
                double w = taps.weights[y * taps.count + t];
                int from = taps.indices[y * taps.count + t] * width;
                for (int x = 0; x < width; x++) {
                    out[y * width + x] += w * src[from + x];
                }
            }
        }
        return Grid.wrap(outHeight, width, out);
    }

    /** Changes the number of columns (Matlab dimension 2). */
    private static Grid resizeColumns(Grid in, int outWidth, Boundary boundary) {
        if (outWidth == in.width()) {
            return in;
        }
        Taps taps = Taps.of(in.width(), outWidth, boundary);
        int height = in.height();
        int inWidth = in.width();
        double[] src = in.values();
        double[] out = new double[height * outWidth];
        for (int y = 0; y < height; y++) {
            int row = y * inWidth;
            for (int x = 0; x < outWidth; x++) {
                double sum = 0;
                for (int t = 0; t < taps.count; t++) {
                    sum += taps.weights[x * taps.count + t] * src[row + taps.indices[x * taps.count + t]];
                }
                out[y * outWidth + x] = sum;
            }
        }
        return Grid.wrap(height, outWidth, out);
    }

    /** Keys' cubic convolution kernel with a = −0.5, support [−2, 2]. */
    static double cubic(double x) {
        double ax = Math.abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1) {
            return 1.5 * ax3 - 2.5 * ax2 + 1;
        }
        if (ax <= 2) {
            return -0.5 * ax3 + 2.5 * ax2 - 4 * ax + 2;
        }
        return 0;
    }

    /** For each output sample along one dimension, the input samples it reads (0-based) and their weights. */
    private static final class Taps {
        final int count;
        final int[] indices;
        final double[] weights;

        private Taps(int count, int[] indices, double[] weights) {
            this.count = count;
            this.indices = indices;
            this.weights = weights;
        }

        static Taps of(int inLength, int outLength, Boundary boundary) {
            double scale = (double) outLength / inLength;
            boolean antialias = scale < 1;
            double kernelWidth = antialias ? KERNEL_WIDTH / scale : KERNEL_WIDTH;
            int count = (int) Math.ceil(kernelWidth) + 2;
            int[] indices = new int[outLength * count];
            double[] weights = new double[outLength * count];
            for (int x = 1; x <= outLength; x++) {
                double u = x / scale + 0.5 * (1 - 1 / scale);
                int left = (int) Math.floor(u - kernelWidth / 2);
                int base = (x - 1) * count;
                double sum = 0;
                for (int t = 0; t < count; t++) {
                    int matlabIndex = left + t;
                    double distance = u - matlabIndex;
                    double w = antialias ? scale * cubic(scale * distance) : cubic(distance);
                    weights[base + t] = w;
                    indices[base + t] = boundary.map(matlabIndex - 1, inLength);
                    sum += w;
                }
                for (int t = 0; t < count; t++) {
                    weights[base + t] /= sum;
                }
            }
            return new Taps(count, indices, weights);
        }
    }
}
