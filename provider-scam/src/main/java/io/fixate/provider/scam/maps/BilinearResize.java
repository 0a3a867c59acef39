package io.fixate.provider.scam.maps;

import io.fixate.spi.djl.PlaneResize;

/**
 * Bilinear resizing with half-pixel centres, the {@code up(·)} of the reference (PyTorch {@code interpolate(mode =
 * "bilinear", align_corners = False)}, fact sheet notation), on {@link CamMap}s; the arithmetic is {@link
 * PlaneResize#bilinear}, shared with the other providers.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    /**
     * {@code source} resized to {@code width} × {@code height}.
     *
     * @throws IllegalArgumentException if a target dimension is not positive
     */
    public static CamMap resize(CamMap source, int width, int height) {
        CamMap.requirePositiveSize(width, height);
        return CamMap.wrap(width, height,
                PlaneResize.bilinear(source.toArray(), source.width(), source.height(), width, height));
    }
}
