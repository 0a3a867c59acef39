package io.fixate.codec.roi;

/**
 * A rectangle of the stored picture that gets one QP offset, in the terms of FFmpeg's {@code AVRegionOfInterest}:
 * pixel distances from the top and left edges, {@code right} and {@code bottom} exclusive.
 *
 * @param qp the offset in QP steps; negative spends more bits
 */
public record RoiRegion(int left, int top, int right, int bottom, float qp) {

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }

    public long area() {
        return (long) width() * height();
    }

    /**
     * The offset as FFmpeg's {@code qoffset}, in [-1, 1]: the share of an encoder's QP range, which libx264 and
     * libx265 multiply by {@code qpRange} (51 for 8-bit video) and libvpx by its largest delta-q (63 qindex).
     */
    public double qoffset(double qpRange) {
        return Math.max(-1, Math.min(1, qp / qpRange));
    }
}
