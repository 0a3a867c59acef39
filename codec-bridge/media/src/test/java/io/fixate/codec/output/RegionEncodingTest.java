package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.codec.roi.RoiRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regions of interest reach libvpx as side data and move quality where they say, at the same bit rate. */
class RegionEncodingTest {

    private static final int WIDTH = 256;
    private static final int HEIGHT = 128;
    private static final int FRAMES = 30;
    private static final long BIT_RATE = 150_000;

    @TempDir
    Path dir;

    /** Noise drifting one pixel a frame: too much detail for the bit rate, so the quantiser has to choose. */
    private static VideoFrame frame(int k) {
        Random random = new Random(7);
        byte[] texture = new byte[(WIDTH + FRAMES) * HEIGHT];
        random.nextBytes(texture);
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                byte v = texture[y * (WIDTH + FRAMES) + x + k];
                rgb[3 * (y * WIDTH + x)] = v;
                rgb[3 * (y * WIDTH + x) + 1] = v;
                rgb[3 * (y * WIDTH + x) + 2] = v;
            }
        }
        return VideoFrame.ofRgb(WIDTH, HEIGHT, k * 40_000L, rgb);
    }

    /** Encodes the clip with the regions on every frame; returns the squared error of the left and right halves. */
    private double[] encodeAndMeasure(List<RoiRegion> regions, String name) throws IOException {
        Path target = dir.resolve(name);
        VideoEncoding vp9 = VideoEncoding.withRegions("vp9", BIT_RATE);
        VideoFileWriter writer = VideoFileWriter.open("video", target, WIDTH, HEIGHT, 25, 1, 0, 0, vp9);
        try (writer) {
            assertEquals("libvpx-vp9", writer.videoCodec());
            for (int k = 0; k < FRAMES; k++) {
                writer.write(frame(k), regions);
            }
        }
        assertEquals(BIT_RATE, writer.videoBitRate(), "the target bit rate, still known after close");
        double[] error = new double[2];
        try (MediaReader reader = MediaReader.open(target, ReadOptions.of(AudioRequirement.DEFAULT))) {
            int k = 0;
            for (FrameWithAudio decoded; (decoded = reader.read()) != null; k++) {
                VideoFrame original = frame(k);
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < WIDTH; x++) {
                        double d = decoded.frame().channel(x, y, 1) - original.channel(x, y, 1);
                        error[x < WIDTH / 2 ? 0 : 1] += d * d;
                    }
                }
            }
            assertEquals(FRAMES, k);
        }
        return error;
    }

    @Test
    void aRegionBuysItsHalfQualityFromTheOther() throws IOException {
        double[] plain = encodeAndMeasure(List.of(), "plain.mp4");
        double[] favoured = encodeAndMeasure(List.of(new RoiRegion(0, 0, WIDTH / 2, HEIGHT, -6),
                new RoiRegion(WIDTH / 2, 0, WIDTH, HEIGHT, 6)), "roi.mp4");
        assertTrue(favoured[0] < 0.9 * plain[0], "left half error " + favoured[0] + " with the region, " + plain[0]
                + " without");
        assertTrue(favoured[1] > plain[1], "the right half pays: " + favoured[1] + " against " + plain[1]);
        long plainSize = Files.size(dir.resolve("plain.mp4"));
        long roiSize = Files.size(dir.resolve("roi.mp4"));
        assertEquals(1, (double) roiSize / plainSize, 0.1, "about the same size: " + roiSize + " and " + plainSize);
    }

    @Test
    void encodersThatIgnoreRegionsAreRefused() {
        InvalidOptionsException openh264 = assertThrows(InvalidOptionsException.class,
                () -> VideoEncoding.withRegions("h264", BIT_RATE));
        assertTrue(openh264.getMessage().contains("ignores region-of-interest"), openh264.getMessage());
        assertThrows(InvalidOptionsException.class, () -> VideoEncoding.withRegions("av2", BIT_RATE));
        assertThrows(InvalidOptionsException.class, () -> VideoEncoding.withRegions("vp9", 0));
    }

    @Test
    void regionsForAnEncodingThatIgnoresThemAreAnError() throws IOException {
        Path target = dir.resolve("heat.mp4");
        try (VideoFileWriter writer = VideoFileWriter.open(target, WIDTH, HEIGHT, 25, 0, 0)) {
            List<RoiRegion> regions = List.of(new RoiRegion(0, 0, 16, 16, -6));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> writer.write(frame(0), regions));
            assertTrue(refused.getMessage().contains("ignores regions"), refused.getMessage());
            writer.write(frame(0));
        }
    }
}
