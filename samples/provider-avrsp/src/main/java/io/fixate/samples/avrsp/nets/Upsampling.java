package io.fixate.samples.avrsp.nets;

import ai.djl.ndarray.NDArray;

/**
 * Nearest-neighbour upsampling of the last two (spatial) axes by a whole factor, for 4-D (B, C, h, w) and 5-D
 * (B, C, T, h, w) maps. The net's scales are exact powers of two apart (its input size is a multiple of the coarsest
 * stride), so a whole factor always fits, and repeating cells is differentiable on every engine; the spi toolkit has
 * no interpolation block, and a bilinear one would be one more matrix product per scale for little gain at these
 * sizes.
 */
public final class Upsampling {

    private Upsampling() {
    }

    /** {@code maps} with every spatial cell repeated {@code factor} times along each of the last two axes. */
    public static NDArray nearest(NDArray maps, int factor) {
        if (factor == 1) {
            return maps;
        }
        int rank = maps.getShape().dimension();
        return maps.repeat(rank - 2, factor).repeat(rank - 1, factor);
    }
}
