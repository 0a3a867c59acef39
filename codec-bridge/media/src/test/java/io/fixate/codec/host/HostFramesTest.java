package io.fixate.codec.host;

import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostFramesTest {

    @Test
    void toImageKeepsEveryChannelInPlace() {
        byte[] rgb = {10, 20, 30, 40, 50, 60, (byte) 200, (byte) 210, (byte) 220, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        VideoFrame frame = VideoFrame.ofRgb(3, 2, 0, rgb);

        BufferedImage image = HostFrames.toImage(frame);

        assertEquals(0x0A141E, image.getRGB(0, 0) & 0xFFFFFF, "red, green, blue of the first pixel");
        assertEquals(0xC8D2DC, image.getRGB(2, 0) & 0xFFFFFF);
        assertArrayEquals(rgb, HostFrames.fromImage(image, 0).copyRgb(), "round trip through fromImage");
    }

    /** Two pixels, (10, 20, 30) and (40, 50, 60), with alpha 255, in every layout. */
    static Stream<Arguments> twoPixelsPerLayout() {
        return Stream.of(
                Arguments.of(PackedLayout.RGB, bytes(10, 20, 30, 40, 50, 60)),
                Arguments.of(PackedLayout.BGR, bytes(30, 20, 10, 60, 50, 40)),
                Arguments.of(PackedLayout.RGBA, bytes(10, 20, 30, 255, 40, 50, 60, 255)),
                Arguments.of(PackedLayout.BGRA, bytes(30, 20, 10, 255, 60, 50, 40, 255)),
                Arguments.of(PackedLayout.ARGB, bytes(255, 10, 20, 30, 255, 40, 50, 60)));
    }

    @ParameterizedTest
    @MethodSource("twoPixelsPerLayout")
    void packedLayoutsBecomeRgb(PackedLayout layout, byte[] pixels) {
        VideoFrame frame = HostFrames.packed(Plane.tight(ByteBuffer.wrap(pixels), pixels.length), 2, 1, layout, 7);
        assertArrayEquals(bytes(10, 20, 30, 40, 50, 60), frame.copyRgb());
        assertEquals(7, frame.timestampMicros());
    }

    @Test
    void paddedRowsAfterAnOffsetAreSkipped() {
        // 2x2 BGRA at offset 3, rows of 8 pixel bytes padded to 12; padding bytes are 99.
        byte[] buffer = bytes(99, 99, 99,
                3, 2, 1, 0, 6, 5, 4, 0, 99, 99, 99, 99,
                9, 8, 7, 0, 12, 11, 10, 0, 99, 99, 99, 99);
        VideoFrame frame = HostFrames.packed(new Plane(ByteBuffer.wrap(buffer), 3, 12), 2, 2, PackedLayout.BGRA, 0);
        assertArrayEquals(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), frame.copyRgb());
    }

    @Test
    void negativeStrideReadsABottomUpBuffer() {
        // Rows in memory: bottom row (7..12) first, then the top row (1..6); the top row starts at byte 6.
        byte[] buffer = bytes(7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6);
        VideoFrame frame = HostFrames.packed(new Plane(ByteBuffer.wrap(buffer), 6, -6), 2, 2, PackedLayout.RGB, 0);
        assertArrayEquals(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), frame.copyRgb());
    }

    @Test
    void readsFromADirectBufferIgnoringItsPosition() {
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put(bytes(30, 20, 10, 60, 50, 40));
        VideoFrame frame = HostFrames.packed(Plane.tight(direct, 6), 2, 1, PackedLayout.BGR, 0);
        assertArrayEquals(bytes(10, 20, 30, 40, 50, 60), frame.copyRgb());
    }

    @Test
    void tooSmallBuffersAreRejectedNamingThePlane() {
        ByteBuffer small = ByteBuffer.allocate(11);
        IllegalArgumentException packed = assertThrows(IllegalArgumentException.class,
                () -> HostFrames.packed(Plane.tight(small, 6), 2, 2, PackedLayout.RGB, 0));
        assertTrue(packed.getMessage().startsWith("RGB plane"), packed.getMessage());

        IllegalArgumentException upward = assertThrows(IllegalArgumentException.class,
                () -> HostFrames.packed(new Plane(ByteBuffer.allocate(12), 0, -6), 2, 2, PackedLayout.RGB, 0));
        assertTrue(upward.getMessage().contains("-6"), upward.getMessage());

        IllegalArgumentException overlapping = assertThrows(IllegalArgumentException.class,
                () -> HostFrames.packed(new Plane(ByteBuffer.allocate(12), 0, 4), 2, 2, PackedLayout.RGB, 0));
        assertTrue(overlapping.getMessage().contains("shorter than a row"), overlapping.getMessage());

        ByteBuffer luma = ByteBuffer.allocate(15);
        IllegalArgumentException chroma = assertThrows(IllegalArgumentException.class,
                () -> HostFrames.i420(Plane.tight(luma, 3), Plane.tight(ByteBuffer.allocate(6), 2),
                        Plane.tight(ByteBuffer.allocate(5), 2), 3, 5, YuvMatrix.BT601_LIMITED, 0));
        assertTrue(chroma.getMessage().startsWith("V plane"), chroma.getMessage());

        IllegalArgumentException interleaved = assertThrows(IllegalArgumentException.class,
                () -> HostFrames.nv12(Plane.tight(luma, 3), Plane.tight(ByteBuffer.allocate(10), 4), 3, 5,
                        YuvMatrix.BT601_LIMITED, 0));
        assertTrue(interleaved.getMessage().startsWith("UV plane"), interleaved.getMessage());
    }

    @Test
    void nonPositiveSizesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> HostFrames.gray(Plane.tight(ByteBuffer.allocate(4), 2), 0, 2, 0));
    }

    /** Published Y'CbCr values of known colours and the R'G'B' they stand for, per matrix. */
    static Stream<Arguments> knownColours() {
        return Stream.of(
                Arguments.of(YuvMatrix.BT601_LIMITED, 16, 128, 128, 0, 0, 0),
                Arguments.of(YuvMatrix.BT601_LIMITED, 235, 128, 128, 255, 255, 255),
                Arguments.of(YuvMatrix.BT601_LIMITED, 126, 128, 128, 128, 128, 128),
                Arguments.of(YuvMatrix.BT601_LIMITED, 81, 90, 240, 255, 0, 0),
                Arguments.of(YuvMatrix.BT601_LIMITED, 145, 54, 34, 0, 255, 0),
                Arguments.of(YuvMatrix.BT601_LIMITED, 41, 240, 110, 0, 0, 255),
                Arguments.of(YuvMatrix.BT709_LIMITED, 16, 128, 128, 0, 0, 0),
                Arguments.of(YuvMatrix.BT709_LIMITED, 235, 128, 128, 255, 255, 255),
                Arguments.of(YuvMatrix.BT709_LIMITED, 63, 102, 240, 255, 0, 0),
                Arguments.of(YuvMatrix.BT709_LIMITED, 173, 42, 26, 0, 255, 0),
                Arguments.of(YuvMatrix.BT709_LIMITED, 32, 240, 118, 0, 0, 255),
                Arguments.of(YuvMatrix.BT601_FULL, 0, 128, 128, 0, 0, 0),
                Arguments.of(YuvMatrix.BT601_FULL, 255, 128, 128, 255, 255, 255),
                Arguments.of(YuvMatrix.BT601_FULL, 76, 85, 255, 255, 0, 0),
                Arguments.of(YuvMatrix.BT601_FULL, 150, 44, 21, 0, 255, 0),
                Arguments.of(YuvMatrix.BT601_FULL, 29, 255, 107, 0, 0, 255),
                Arguments.of(YuvMatrix.BT709_FULL, 0, 128, 128, 0, 0, 0),
                Arguments.of(YuvMatrix.BT709_FULL, 255, 128, 128, 255, 255, 255),
                Arguments.of(YuvMatrix.BT709_FULL, 54, 99, 255, 255, 0, 0),
                Arguments.of(YuvMatrix.BT709_FULL, 182, 30, 12, 0, 255, 0),
                Arguments.of(YuvMatrix.BT709_FULL, 18, 255, 116, 0, 0, 255));
    }

    @ParameterizedTest
    @MethodSource("knownColours")
    void yuvBecomesTheKnownColourWithinOne(YuvMatrix matrix, int y, int u, int v, int r, int g, int b) {
        VideoFrame frame = HostFrames.i420(plane(y), plane(u), plane(v), 1, 1, matrix, 0);
        assertEquals(r, frame.channel(0, 0, 0), 1, "red");
        assertEquals(g, frame.channel(0, 0, 1), 1, "green");
        assertEquals(b, frame.channel(0, 0, 2), 1, "blue");
    }

    @Test
    void matricesDiffer() {
        VideoFrame sd = HostFrames.i420(plane(81), plane(90), plane(240), 1, 1, YuvMatrix.BT601_LIMITED, 0);
        VideoFrame hd = HostFrames.i420(plane(81), plane(90), plane(240), 1, 1, YuvMatrix.BT709_LIMITED, 0);
        assertNotEquals(sd.channel(0, 0, 1), hd.channel(0, 0, 1));
    }

    /**
     * A 3x5 picture (chroma 2x3): luma 100 + x + 10 y, and every chroma sample distinct, so each pixel's colour shows
     * which chroma sample it used: pixel (x, y) must use sample (x / 2, y / 2).
     */
    @ParameterizedTest
    @EnumSource(YuvMatrix.class)
    void everyPlanarLayoutPicksTheChromaSampleOfItsTwoByTwoBlock(YuvMatrix matrix) {
        int width = 3;
        int height = 5;
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                luma[y * width + x] = (byte) (100 + x + 10 * y);
            }
        }
        byte[] u = bytes(60, 80, 100, 120, 140, 160);
        byte[] v = bytes(200, 180, 90, 70, 50, 30);
        byte[] uv = new byte[12];
        byte[] vu = new byte[12];
        for (int i = 0; i < 6; i++) {
            uv[2 * i] = u[i];
            uv[2 * i + 1] = v[i];
            vu[2 * i] = v[i];
            vu[2 * i + 1] = u[i];
        }
        Plane y = Plane.tight(ByteBuffer.wrap(luma), width);
        VideoFrame[] layouts = {
                HostFrames.i420(y, Plane.tight(ByteBuffer.wrap(u), 2), Plane.tight(ByteBuffer.wrap(v), 2), width,
                        height, matrix, 0),
                HostFrames.yv12(y, Plane.tight(ByteBuffer.wrap(v), 2), Plane.tight(ByteBuffer.wrap(u), 2), width,
                        height, matrix, 0),
                HostFrames.nv12(y, Plane.tight(ByteBuffer.wrap(uv), 4), width, height, matrix, 0),
                HostFrames.nv21(y, Plane.tight(ByteBuffer.wrap(vu), 4), width, height, matrix, 0)};
        for (VideoFrame frame : layouts) {
            for (int py = 0; py < height; py++) {
                for (int px = 0; px < width; px++) {
                    int chroma = (py / 2) * 2 + px / 2;
                    VideoFrame single = HostFrames.i420(plane(luma[py * width + px]), plane(u[chroma]),
                            plane(v[chroma]), 1, 1, matrix, 0);
                    for (int c = 0; c < 3; c++) {
                        assertEquals(single.channel(0, 0, c), frame.channel(px, py, c),
                                "pixel " + px + "," + py + " channel " + c);
                    }
                }
            }
        }
    }

    @Test
    void grayCopiesLumaToEveryChannel() {
        // 3x2 grey with rows padded to 4 bytes.
        byte[] buffer = bytes(0, 128, 255, 9, 1, 2, 3, 9);
        VideoFrame frame = HostFrames.gray(Plane.tight(ByteBuffer.wrap(buffer), 4), 3, 2, 0);
        assertArrayEquals(bytes(0, 0, 0, 128, 128, 128, 255, 255, 255, 1, 1, 1, 2, 2, 2, 3, 3, 3), frame.copyRgb());
    }

    @ParameterizedTest
    @EnumSource(value = ImageType.class)
    void bufferedImagesOfEveryTypeMatchGetRgb(ImageType type) {
        BufferedImage image = new BufferedImage(5, 3, type.code);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                image.setRGB(x, y, 0xFF000000 | (40 * x) << 16 | (70 * y) << 8 | (17 * (x + y)));
            }
        }
        assertMatchesGetRgb(image);
        assertMatchesGetRgb(image.getSubimage(1, 1, 3, 2));
    }

    /** Image types with a direct path, and a few that go through the colour model. */
    enum ImageType {
        THREE_BYTE_BGR(BufferedImage.TYPE_3BYTE_BGR),
        INT_RGB(BufferedImage.TYPE_INT_RGB),
        INT_ARGB(BufferedImage.TYPE_INT_ARGB),
        FOUR_BYTE_ABGR(BufferedImage.TYPE_4BYTE_ABGR),
        INT_BGR(BufferedImage.TYPE_INT_BGR),
        BYTE_GRAY(BufferedImage.TYPE_BYTE_GRAY),
        USHORT_565(BufferedImage.TYPE_USHORT_565_RGB);

        final int code;

        ImageType(int code) {
            this.code = code;
        }
    }

    private static void assertMatchesGetRgb(BufferedImage image) {
        VideoFrame frame = HostFrames.fromImage(image, 0);
        assertEquals(image.getWidth(), frame.width());
        assertEquals(image.getHeight(), frame.height());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                assertEquals((argb >> 16) & 0xFF, frame.channel(x, y, 0), "red at " + x + "," + y);
                assertEquals((argb >> 8) & 0xFF, frame.channel(x, y, 1), "green at " + x + "," + y);
                assertEquals(argb & 0xFF, frame.channel(x, y, 2), "blue at " + x + "," + y);
            }
        }
    }

    private static Plane plane(int value) {
        return Plane.tight(ByteBuffer.wrap(bytes(value)), 1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
