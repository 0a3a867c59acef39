package io.fixate.codec.host;

/** Byte order of the channels of an 8-bit packed pixel, as the letters read from the lowest address up. */
public enum PackedLayout {
    /** Three bytes R, G, B: Fixate's canonical layout, JavaCV with {@code AV_PIX_FMT_RGB24}, OpenFX RGB. */
    RGB(3, 0, 1, 2),
    /** Three bytes B, G, R: OpenCV, JavaCV's default, {@code BufferedImage.TYPE_3BYTE_BGR}. */
    BGR(3, 2, 1, 0),
    /** Four bytes R, G, B, A: OpenFX RGBA, GStreamer RGBA; alpha is ignored. */
    RGBA(4, 0, 1, 2),
    /** Four bytes B, G, R, A: Windows and Direct3D surfaces, GStreamer BGRA; alpha is ignored. */
    BGRA(4, 2, 1, 0),
    /** Four bytes A, R, G, B: After Effects {@code PF_Pixel8}; alpha is ignored. */
    ARGB(4, 1, 2, 3);

    private final int bytesPerPixel;
    private final int red;
    private final int green;
    private final int blue;

    PackedLayout(int bytesPerPixel, int red, int green, int blue) {
        this.bytesPerPixel = bytesPerPixel;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** Bytes one pixel occupies. */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Rewrites {@code width} pixels of this layout from {@code row} as R, G, B bytes into {@code rgb}. */
    void toRgb(byte[] row, byte[] rgb, int width) {
        for (int x = 0, in = 0, out = 0; x < width; x++, in += bytesPerPixel, out += 3) {
            rgb[out] = row[in + red];
            rgb[out + 1] = row[in + green];
            rgb[out + 2] = row[in + blue];
        }
    }
}
