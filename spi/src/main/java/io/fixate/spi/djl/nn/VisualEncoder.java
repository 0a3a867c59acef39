package io.fixate.spi.djl.nn;

import ai.djl.nn.Block;

import java.util.Objects;

/**
 * A frame encoder: {@code block} maps (B, 3, H, W) frames to (B, {@code channels}, ⌈H/stride⌉, ⌈W/stride⌉) feature
 * maps. The nets size their heads and attention blocks from these two numbers only.
 *
 * @param name     the registry name (see {@link Encoders})
 * @param block    a fresh, uninitialised block owned by the net it is given to
 * @param channels channels of the feature map
 * @param stride   spatial down-sampling factor from frame to feature map
 */
public record VisualEncoder(String name, Block block, int channels, int stride) {

    public VisualEncoder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        if (channels <= 0 || stride <= 0) {
            throw new IllegalArgumentException("encoder " + name + " needs positive channels and stride, got "
                    + channels + " and " + stride);
        }
    }
}
