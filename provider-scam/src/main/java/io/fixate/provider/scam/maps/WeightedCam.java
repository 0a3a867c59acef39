package io.fixate.provider.scam.maps;

import java.util.Objects;

/**
 * One source of a selective fusion: a CAM and its fusion weight (the soft-filtered confidence of paper Eq. 2).
 *
 * @param cam    the source's class activation map, before normalisation
 * @param weight non-negative; 0 excludes the source from the fusion
 */
public record WeightedCam(CamMap cam, double weight) {

    /** @throws IllegalArgumentException if the weight is negative or not finite */
    public WeightedCam {
        Objects.requireNonNull(cam, "cam");
        if (!(weight >= 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("fusion weight must be finite and non-negative, got " + weight);
        }
    }

    /** A source weighted by the {@link SoftFilter soft filter} of its classification confidences. */
    public static WeightedCam filtered(CamMap cam, float[] confidences, int tag) {
        return new WeightedCam(cam, SoftFilter.weight(confidences, tag));
    }
}
