package io.fixate.codec.host;

/**
 * How 8-bit Y'CbCr values map to R'G'B'. With luma weights {@code Kr} and {@code Kb} ({@code Kg = 1 - Kr - Kb}):
 * <pre>
 *   R = Y' + 2(1 - Kr) Cr
 *   G = Y' - (2 Kb (1 - Kb) / Kg) Cb - (2 Kr (1 - Kr) / Kg) Cr
 *   B = Y' + 2(1 - Kb) Cb
 * </pre>
 * where, for full range, {@code Y' = Y} and {@code Cb = U - 128}, {@code Cr = V - 128}; for limited ("TV",
 * "studio") range, {@code Y' = (Y - 16) * 255/219} and {@code Cb = (U - 128) * 255/224}, likewise Cr. BT.601 has
 * {@code Kr = 0.299, Kb = 0.114}, giving for limited range {@code R = 1.164(Y-16) + 1.596(V-128)},
 * {@code G = 1.164(Y-16) - 0.392(U-128) - 0.813(V-128)}, {@code B = 1.164(Y-16) + 2.017(U-128)}. BT.709 has
 * {@code Kr = 0.2126, Kb = 0.0722}, giving for limited range {@code R = 1.164(Y-16) + 1.793(V-128)},
 * {@code G = 1.164(Y-16) - 0.213(U-128) - 0.533(V-128)}, {@code B = 1.164(Y-16) + 2.112(U-128)}. Results are rounded
 * and clamped to 0..255.
 *
 * <p>Most video is limited range; SD (PAL/NTSC, most files under 720 lines) uses BT.601 and HD uses BT.709. JPEG and
 * many camera/phone preview buffers are full-range BT.601.
 */
public enum YuvMatrix {
    /** BT.601 (SD), Y 16..235, Cb/Cr 16..240. */
    BT601_LIMITED(0.299, 0.114, true),
    /** BT.709 (HD), Y 16..235, Cb/Cr 16..240. */
    BT709_LIMITED(0.2126, 0.0722, true),
    /** BT.601, all of 0..255 (JPEG/JFIF, Android camera NV21). */
    BT601_FULL(0.299, 0.114, false),
    /** BT.709, all of 0..255. */
    BT709_FULL(0.2126, 0.0722, false);

    /** Coefficients are fixed-point with this many fractional bits, which keeps every result within ±1 of exact. */
    static final int SHIFT = 16;
    private static final double ONE = 1 << SHIFT;

    private final int lumaOffset;
    private final int lumaScale;
    private final int crToRed;
    private final int cbToGreen;
    private final int crToGreen;
    private final int cbToBlue;

    YuvMatrix(double kr, double kb, boolean limited) {
        double kg = 1 - kr - kb;
        double lumaGain = limited ? 255.0 / 219 : 1;
        double chromaGain = limited ? 255.0 / 224 : 1;
        this.lumaOffset = limited ? 16 : 0;
        this.lumaScale = fixed(lumaGain);
        this.crToRed = fixed(2 * (1 - kr) * chromaGain);
        this.cbToGreen = fixed(2 * kb * (1 - kb) / kg * chromaGain);
        this.crToGreen = fixed(2 * kr * (1 - kr) / kg * chromaGain);
        this.cbToBlue = fixed(2 * (1 - kb) * chromaGain);
    }

    private static int fixed(double coefficient) {
        return (int) Math.round(coefficient * ONE);
    }

    /**
     * Converts one row: {@code width} luma samples and, for pixel {@code x}, the chroma samples at
     * {@code cbFirst + (x / 2) * chromaStep} and {@code crFirst + (x / 2) * chromaStep} (horizontally subsampled
     * chroma, nearest sample), written as R, G, B bytes into {@code rgb}.
     */
    void toRgb(byte[] luma, byte[] cbRow, int cbFirst, byte[] crRow, int crFirst, int chromaStep, byte[] rgb,
               int width) {
        int round = 1 << (SHIFT - 1);
        for (int x = 0, out = 0; x < width; x++, out += 3) {
            int chroma = (x >> 1) * chromaStep;
            int cb = (cbRow[cbFirst + chroma] & 0xFF) - 128;
            int cr = (crRow[crFirst + chroma] & 0xFF) - 128;
            int y = ((luma[x] & 0xFF) - lumaOffset) * lumaScale + round;
            rgb[out] = clamp((y + crToRed * cr) >> SHIFT);
            rgb[out + 1] = clamp((y - cbToGreen * cb - crToGreen * cr) >> SHIFT);
            rgb[out + 2] = clamp((y + cbToBlue * cb) >> SHIFT);
        }
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
