package io.fixate.provider.stanet.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The {@code up(·)} of the reference on (B, C, h, w) maps: PyTorch's {@code interpolate(mode = "bilinear",
 * align_corners = False)}, where output cell {@code d} samples the source at {@code (d + 0.5) · in / out − 0.5},
 * clamped to the first and last cells. Bilinear resizing is separable and linear, so it is computed as R_rows · X ·
 * R_colsᵀ with two small interpolation matrices: plain matrix products, which every engine differentiates, on maps in
 * the usual channels-first layout (DJL's image resize expects channels last).
 */
final class BilinearUpsampling {

    private BilinearUpsampling() {
    }

    /** {@code maps} (B, C, h, w) resized to (B, C, height, width); the maps themselves when the size already fits. */
    static NDArray resize(NDArray maps, long height, long width) {
        Shape shape = maps.getShape();
        long sourceHeight = shape.get(2);
        long sourceWidth = shape.get(3);
        if (sourceHeight == height && sourceWidth == width) {
            return maps;
        }
        NDManager manager = maps.getManager();
        NDArray rows = interpolation(manager, (int) sourceHeight, (int) height);
        NDArray columns = interpolation(manager, (int) sourceWidth, (int) width);
        return rows.matMul(maps).matMul(columns.transpose());
    }

    /** The (out, in) matrix whose row d holds the weights of the source cells that output cell d interpolates. */
    static NDArray interpolation(NDManager manager, int in, int out) {
        float[] weights = new float[out * in];
        double scale = (double) in / out;
        for (int d = 0; d < out; d++) {
            double position = Math.max(0, (d + 0.5) * scale - 0.5);
            int first = Math.min((int) position, in - 1);
            int second = Math.min(first + 1, in - 1);
            double secondWeight = position - first;
            weights[d * in + first] += (float) (1 - secondWeight);
            weights[d * in + second] += (float) secondWeight;
        }
        return manager.create(weights, new Shape(out, in));
    }
}
