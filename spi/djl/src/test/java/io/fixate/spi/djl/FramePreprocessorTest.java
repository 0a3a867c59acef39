package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.VideoFrame;
import io.fixate.spi.djl.FrameFit.ContentRectangle;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePreprocessorTest {

    @Test
    void aUniformFrameBecomesItsColourNormalisedByTheImageNetStatistics() {
        VideoFrame frame = uniform(10, 6, 255, 0, 128);
        float[] chw = FramePreprocessor.evaluation(4).pixels(frame);

        int[] colour = {255, 0, 128};
        for (int c = 0; c < 3; c++) {
            float expected = (colour[c] / 255f - FramePreprocessor.MEAN[c]) / FramePreprocessor.STD[c];
            for (int i = 0; i < 16; i++) {
                assertEquals(expected, chw[c * 16 + i], 1e-5, "channel " + c + " value " + i);
            }
        }
    }

    @Test
    void aSignedUnitEncoderGetsColoursScaledToMinusOneToOne() {
        float[] chw = FramePreprocessor.evaluation(2, FrameNormalisation.SIGNED_UNIT).pixels(uniform(4, 4, 255, 0, 51));

        float[] expected = {1f, -1f, -0.6f};
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], chw[c * 4], 1e-6, "channel " + c);
        }
    }

    @Test
    void theSquareResizeIsBilinearWithHalfPixelCentres() {
        // Two columns, black and white; at width 4 the samples fall at -0.25, 0.25, 0.75, 1.25 of the source.
        byte[] rgb = new byte[2 * 3];
        rgb[3] = rgb[4] = rgb[5] = (byte) 255;
        float[] chw = FramePreprocessor.evaluation(4).pixels(VideoFrame.ofRgb(2, 1, 0, rgb));

        float[] redRow = java.util.Arrays.copyOfRange(chw, 0, 4);
        float[] expected = new float[4];
        float[] brightness = {0f, 0.25f, 0.75f, 1f};
        for (int x = 0; x < 4; x++) {
            expected[x] = (brightness[x] - FramePreprocessor.MEAN[0]) / FramePreprocessor.STD[0];
        }
        assertArrayEquals(expected, redRow, 1e-5f);
    }

    @Test
    void theTensorIsChannelsFirstAtTheInputSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray tensor = FramePreprocessor.augmenting(16, 20, 1).apply(gradient(30, 22), manager);
            assertEquals(new Shape(3, 16, 16), tensor.getShape());
        }
    }

    @Test
    void theSameSeedGivesTheSameAugmentationAndAnotherSeedAnotherOne() {
        VideoFrame frame = gradient(40, 30);
        float[] first = FramePreprocessor.augmenting(16, 24, 7).pixels(frame);
        float[] again = FramePreprocessor.augmenting(16, 24, 7).pixels(frame);
        float[] other = FramePreprocessor.augmenting(16, 24, 8).pixels(frame);

        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    @Test
    void successiveFramesGetIndependentAugmentations() {
        FramePreprocessor augmenting = FramePreprocessor.augmenting(16, 24, 7);
        VideoFrame frame = gradient(40, 30);
        assertFalse(java.util.Arrays.equals(augmenting.pixels(frame), augmenting.pixels(frame)));
        assertTrue(augmenting.isAugmenting());
    }

    @Test
    void aPaddedFrameIsTheFrameResizedIntoItsContentRectangleWithAGreyBorder() {
        VideoFrame frame = gradient(40, 30);
        ContentRectangle content = FrameFit.PAD.content(40, 30, 16);
        float[] chw = FramePreprocessor.evaluation(16, FrameNormalisation.IMAGENET_MEAN_STD, FrameFit.PAD)
                .pixels(frame);

        assertEquals(new ContentRectangle(0, 2, 16, 12), content);
        for (int c = 0; c < 3; c++) {
            float[] plane = Arrays.copyOfRange(chw, c * 256, (c + 1) * 256);
            int channel = c;
            float[] resized = PlaneResize.bilinear(pixel -> (frame.rgb().get(pixel * 3 + channel) & 0xFF) / 255f,
                    40, 30, content.width(), content.height());
            float[] expected = content.placed(resized, 16, FramePreprocessor.BORDER_GREY);
            for (int i = 0; i < expected.length; i++) {
                expected[i] = FrameNormalisation.IMAGENET_MEAN_STD.apply(expected[i], c);
            }
            assertArrayEquals(expected, plane, 1e-6f, "channel " + c);
            assertEquals(FrameNormalisation.IMAGENET_MEAN_STD.apply(0.5f, c), plane[0], 1e-6f, "border " + c);
        }
    }

    /** The jitter changes the frame's cells only: the border stays the grey prediction sees, cropped or not. */
    @Test
    void augmentingAPaddedFrameLeavesItsBorderGrey() {
        VideoFrame frame = gradient(40, 30);
        float[] evaluated = FramePreprocessor.evaluation(16, FrameNormalisation.SIGNED_UNIT, FrameFit.PAD)
                .pixels(frame);
        FramePreprocessor uncropped = FramePreprocessor.augmenting(16, 16, 7, FrameNormalisation.SIGNED_UNIT,
                FrameFit.PAD);
        float[] jittered = uncropped.pixels(frame);

        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 16; x++) {
                for (int y : new int[] {0, 1, 14, 15}) {
                    assertEquals(0f, jittered[c * 256 + y * 16 + x], "grey is 0 signed, at " + x + ", " + y);
                }
            }
        }
        assertFalse(Arrays.equals(evaluated, jittered), "the content is jittered");
        for (long seed = 0; seed < 8; seed++) {
            float[] cropped = FramePreprocessor.augmenting(16, 20, seed, FrameNormalisation.SIGNED_UNIT, FrameFit.PAD)
                    .pixels(frame);
            // the content takes rows 3 to 16 of the 20-square: any 16 rows of it show a border row, all grey
            long greyRows = IntStream.range(0, 16).filter(y -> IntStream.range(0, 3 * 16)
                    .allMatch(i -> cropped[(i / 16) * 256 + y * 16 + i % 16] == 0f)).count();
            assertTrue(greyRows > 0, "a border row stays grey after the crop, seed " + seed);
        }
    }

    static VideoFrame uniform(int width, int height, int r, int g, int b) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            rgb[i * 3] = (byte) r;
            rgb[i * 3 + 1] = (byte) g;
            rgb[i * 3 + 2] = (byte) b;
        }
        return VideoFrame.ofRgb(width, height, 0, rgb);
    }

    /** Red rises to the right, green downwards, blue is constant: every crop offset gives other values. */
    static VideoFrame gradient(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 255 / (width - 1));
                rgb[i + 1] = (byte) (y * 255 / (height - 1));
                rgb[i + 2] = (byte) 90;
            }
        }
        return VideoFrame.ofRgb(width, height, 0, rgb);
    }
}
