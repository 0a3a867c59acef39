package io.fixate.provider.stanet;

/**
 * Gaussian smoothing of the net's square probability map before it is resized to the frame. The net learns the
 * pseudo-fixation maps of its teacher, which are sharp-edged regions; people's fixations spread around what they look
 * at, and the saliency benchmarks score against that spread (a map that is exactly zero a little beside the object
 * is punished by KLD and AUC-J). The blur is separable, and normalised by the kernel mass inside the map, so the
 * borders are not darkened.
 */
final class MapBlur {

    private final float[] kernel;

    /**
     * @param sigma standard deviation in pixels of the map; 0 leaves maps unchanged
     * @throws IllegalArgumentException for a negative or non-finite sigma
     */
    MapBlur(double sigma) {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("sigma must be finite and not negative, got " + sigma);
        }
        int radius = (int) Math.ceil(3 * sigma);
        kernel = new float[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = sigma == 0 ? 1 : (float) Math.exp(-k * k / (2 * sigma * sigma));
        }
    }

    /** The blurred copy of the {@code size} × {@code size} row-major {@code map}. */
    float[] apply(float[] map, int size) {
        if (kernel.length == 1) {
            return map.clone();
        }
        return pass(pass(map, size, 1, size), size, size, 1);
    }

    /** One 1-D pass along the axis whose neighbouring cells are {@code step} apart; {@code across} the other. */
    private float[] pass(float[] in, int size, int step, int across) {
        int radius = kernel.length / 2;
        float[] out = new float[in.length];
        for (int line = 0; line < size; line++) {
            for (int i = 0; i < size; i++) {
                float sum = 0;
                float mass = 0;
                for (int k = Math.max(-radius, -i); k <= Math.min(radius, size - 1 - i); k++) {
                    sum += kernel[k + radius] * in[line * across + (i + k) * step];
                    mass += kernel[k + radius];
                }
                out[line * across + i * step] = sum / mass;
            }
        }
        return out;
    }
}
