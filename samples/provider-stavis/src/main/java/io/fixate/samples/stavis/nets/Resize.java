package io.fixate.samples.stavis.nets;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The bilinear resize that stands in for STAViS's frozen deconvolutions: (N, C, h, w) maps to (N, C, height, width)
 * with half-pixel centres (PyTorch's {@code align_corners = False}). It goes through DJL's image resize, which the
 * engine differentiates, laying the maps out channels-last for it and back.
 */
final class Resize {

    private Resize() {
    }

    /** {@code maps} (N, C, h, w) at (N, C, height, width); the maps themselves when they have that size. */
    static NDArray bilinear(NDArray maps, long height, long width) {
        Shape shape = maps.getShape();
        if (shape.get(2) == height && shape.get(3) == width) {
            return maps;
        }
        NDArray channelsLast = maps.transpose(0, 2, 3, 1);
        return NDImageUtils.resize(channelsLast, (int) width, (int) height, Image.Interpolation.BILINEAR)
                .transpose(0, 3, 1, 2);
    }
}
