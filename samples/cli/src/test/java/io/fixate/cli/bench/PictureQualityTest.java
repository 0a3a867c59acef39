package io.fixate.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PictureQuality} on textured pictures of 256 × 256 with known distortions: noise of known strength, noise only
 * inside or only outside where people look, blur, and densities whose top-20 % region is known exactly.
 */
class PictureQualityTest {

    private static final int SIZE = 256;
    private static final int PIXELS = SIZE * SIZE;
    private static final double IDENTICAL = PictureQuality.MAX_PSNR;

    @Test
    void identicalPicturesScorePsnrAtTheCapAndSsimOne() {
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        byte[] picture = texture(new SplittableRandom(1));
        quality.add(picture, picture.clone(), blob());
        quality.add(picture, picture.clone(), blob());

        PictureQuality.Scores scores = quality.scores();

        assertAll(() -> assertEquals(IDENTICAL, scores.psnr()),
                () -> assertEquals(IDENTICAL, scores.weightedPsnr()),
                () -> assertEquals(IDENTICAL, scores.topPsnr()),
                () -> assertEquals(1, scores.ssim(), 1e-12),
                () -> assertEquals(1, scores.weightedSsim(), 1e-12),
                () -> assertEquals(1, scores.topSsim(), 1e-12),
                () -> assertEquals(2, scores.frames()));
    }

    @Test
    void gaussianNoiseGivesThePsnrOfItsVariance() {
        double sigma = 5;
        SplittableRandom random = new SplittableRandom(2);
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        for (int frame = 0; frame < 4; frame++) {
            byte[] reference = texture(random);
            quality.add(reference, noisy(reference, random, sigma, pixel -> true), blob());
        }

        PictureQuality.Scores scores = quality.scores();

        // Rounding the noise to whole levels adds 1/12 to its variance.
        double expected = 10 * Math.log10(255.0 * 255.0 / (sigma * sigma + 1.0 / 12));
        assertAll(() -> assertEquals(expected, scores.psnr(), 0.05),
                () -> assertEquals(expected, scores.weightedPsnr(), 0.1),
                () -> assertEquals(expected, scores.topPsnr(), 0.1),
                () -> assertTrue(scores.ssim() < 0.99, "SSIM " + scores.ssim()));
    }

    @Test
    void noiseWhereMostPeopleLookCostsTheAttentionScoresMore() {
        // The blob's top-20 % region is a disc of radius about 65 around the centre; the noise stays well inside.
        PictureQuality.Scores scores = scoresOfNoise(pixel -> distanceFromCentre(pixel) < 40);

        assertAll(() -> assertTrue(scores.weightedPsnr() < scores.psnr() - 3, scores.toString()),
                () -> assertTrue(scores.topPsnr() < scores.psnr() - 3, scores.toString()),
                () -> assertTrue(scores.weightedSsim() < scores.ssim(), scores.toString()),
                () -> assertTrue(scores.topSsim() < scores.ssim(), scores.toString()));
    }

    @Test
    void noiseWhereFewLookCostsTheWholeFrameScoresMore() {
        // Far enough outside the region that no window centred in it reaches the noise.
        PictureQuality.Scores scores = scoresOfNoise(pixel -> distanceFromCentre(pixel) > 80);

        assertAll(() -> assertTrue(scores.weightedPsnr() > scores.psnr() + 3, scores.toString()),
                () -> assertEquals(IDENTICAL, scores.topPsnr(), scores.toString()),
                () -> assertTrue(scores.weightedSsim() > scores.ssim(), scores.toString()),
                () -> assertEquals(1, scores.topSsim(), 1e-12, scores.toString()));
    }

    @Test
    void moreBlurLowersSsim() {
        byte[] reference = texture(new SplittableRandom(3));
        double[] ssim = new double[3];
        for (int radius = 1; radius <= 3; radius++) {
            PictureQuality quality = new PictureQuality(SIZE, SIZE);
            quality.add(reference, blurred(reference, radius), blob());
            ssim[radius - 1] = quality.scores().ssim();
        }

        assertTrue(1 > ssim[0] && ssim[0] > ssim[1] && ssim[1] > ssim[2], Arrays.toString(ssim));
    }

    @Test
    void theTopRegionIsExactlyTheFifthOfPixelsWithTheHighestDensity() {
        float[] density = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            density[i] = i;
        }
        int top = (PIXELS + 4) / 5;
        byte[] reference = texture(new SplittableRandom(4));
        byte[] decoded = reference.clone();
        for (int i = PIXELS - top; i < PIXELS; i++) {
            decoded[i] = (byte) (decoded[i] + 1);
        }
        // The region's lowest pixel is off by 2: without it the region's MSE would be 1, with one more pixel less.
        decoded[PIXELS - top] = (byte) (reference[PIXELS - top] + 2);
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        quality.add(reference, decoded, density);

        assertEquals(10 * Math.log10(255.0 * 255.0 * top / (top + 3)), quality.scores().topPsnr(), 1e-9);
    }

    @Test
    void densitiesTiedAtTheThresholdAreAllInTheTopRegion() {
        // A tenth of the pixels at 1, the rest at 0: the 80th percentile is 0, so the region is the whole frame.
        float[] density = new float[PIXELS];
        Arrays.fill(density, 0, PIXELS / 10, 1);
        SplittableRandom random = new SplittableRandom(5);
        byte[] reference = texture(random);
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        quality.add(reference, noisy(reference, random, 5, pixel -> true), density);

        PictureQuality.Scores scores = quality.scores();

        assertEquals(scores.psnr(), scores.topPsnr(), 1e-9);
        assertEquals(scores.ssim(), scores.topSsim(), 1e-12);
    }

    @Test
    void anAllZeroDensityCountsAsUniform() {
        SplittableRandom random = new SplittableRandom(6);
        byte[] reference = texture(random);
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        quality.add(reference, noisy(reference, random, 8, pixel -> pixel % SIZE < SIZE / 3), new float[PIXELS]);

        PictureQuality.Scores scores = quality.scores();

        assertAll(() -> assertEquals(scores.psnr(), scores.weightedPsnr(), 1e-9),
                () -> assertEquals(scores.psnr(), scores.topPsnr(), 1e-9),
                () -> assertEquals(scores.ssim(), scores.weightedSsim(), 1e-12),
                () -> assertEquals(scores.ssim(), scores.topSsim(), 1e-12));
    }

    @Test
    void topSsimIsNanWhenNoWindowIsCentredInTheRegion() {
        // Density on every row but each fourth: the rows that hold the window centres.
        float[] density = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            density[i] = (i / SIZE) % 4 == 0 ? 0 : 1;
        }
        byte[] picture = texture(new SplittableRandom(7));
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        quality.add(picture, picture, density);

        assertTrue(Double.isNaN(quality.scores().topSsim()));
        assertEquals(IDENTICAL, quality.scores().topPsnr());
    }

    @Test
    void wrongSizesAndBadDensitiesAreRejected() {
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        byte[] picture = new byte[PIXELS];
        float[] density = new float[PIXELS];
        float[] negative = new float[PIXELS];
        negative[7] = -1;
        float[] notANumber = new float[PIXELS];
        notANumber[3] = Float.NaN;
        float[] infinite = new float[PIXELS];
        infinite[5] = Float.POSITIVE_INFINITY;

        assertAll(() -> assertMessage("reference has 10 values; a 256x256 frame needs 65536",
                        () -> quality.add(new byte[10], picture, density)),
                () -> assertMessage("decoded has 65537 values; a 256x256 frame needs 65536",
                        () -> quality.add(picture, new byte[PIXELS + 1], density)),
                () -> assertMessage("density has 0 values; a 256x256 frame needs 65536",
                        () -> quality.add(picture, picture, new float[0])),
                () -> assertMessage("density[7] is -1.0; densities must be finite and non-negative",
                        () -> quality.add(picture, picture, negative)),
                () -> assertMessage("density[3] is NaN; densities must be finite and non-negative",
                        () -> quality.add(picture, picture, notANumber)),
                () -> assertMessage("density[5] is Infinity; densities must be finite and non-negative",
                        () -> quality.add(picture, picture, infinite)),
                () -> assertMessage("frame 7x100 is smaller than the 8x8 SSIM window",
                        () -> new PictureQuality(7, 100)),
                () -> assertMessage("frame 65536x65536 has too many pixels",
                        () -> new PictureQuality(65536, 65536)));
        // None of the rejected frames counted.
        assertEquals("no frames added", assertThrows(IllegalStateException.class, quality::scores).getMessage());
    }

    @Test
    void aRejectedFrameLeavesTheScoresAsTheyWere() {
        SplittableRandom random = new SplittableRandom(8);
        byte[] reference = texture(random);
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        quality.add(reference, noisy(reference, random, 5, pixel -> true), blob());
        PictureQuality.Scores before = quality.scores();
        float[] negative = blob();
        negative[PIXELS - 1] = -1;

        assertThrows(IllegalArgumentException.class, () -> quality.add(reference, new byte[PIXELS], negative));
        assertEquals(before, quality.scores());
    }

    @Test
    void framesOfASizeThatIsNoMultipleOfFourAreMeasured() {
        int width = 13;
        int height = 10;
        byte[] reference = new byte[width * height];
        byte[] decoded = new byte[width * height];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = (byte) (100 + i * 7 % 50);
            decoded[i] = (byte) (reference[i] + (i % 2 == 0 ? 2 : -2));
        }
        PictureQuality quality = new PictureQuality(width, height);
        quality.add(reference, decoded, new float[width * height]);

        PictureQuality.Scores scores = quality.scores();

        assertEquals(10 * Math.log10(255.0 * 255.0 / 4), scores.psnr(), 1e-9);
        assertTrue(scores.ssim() > 0 && scores.ssim() < 1, scores.toString());
    }

    /** Scores of one frame with noise of σ = 10 on the pixels {@code where} picks, and the blob as density. */
    private static PictureQuality.Scores scoresOfNoise(IntPredicate where) {
        SplittableRandom random = new SplittableRandom(9);
        byte[] reference = texture(random);
        PictureQuality quality = new PictureQuality(SIZE, SIZE);
        quality.add(reference, noisy(reference, random, 10, where), blob());
        return quality.scores();
    }

    private static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** Smooth waves plus fine grain, all within 40..215 so that noise of a few levels is never clipped. */
    private static byte[] texture(SplittableRandom random) {
        byte[] picture = new byte[PIXELS];
        double phase = random.nextDouble(2 * Math.PI);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double wave = 40 * Math.sin(x / 9.0 + phase) * Math.cos(y / 13.0) + 25 * Math.sin((x + y) / 4.0);
                picture[y * SIZE + x] = (byte) Math.round(128 + wave + random.nextDouble(-10, 10));
            }
        }
        return picture;
    }

    /** A copy of the picture with Gaussian noise of {@code sigma} on the pixels {@code where} picks. */
    private static byte[] noisy(byte[] picture, SplittableRandom random, double sigma,
                                IntPredicate where) {
        byte[] noisy = picture.clone();
        for (int i = 0; i < PIXELS; i++) {
            if (where.test(i)) {
                long value = (picture[i] & 0xFF) + Math.round(sigma * gaussian(random));
                noisy[i] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return noisy;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A box blur of the given radius, clamped at the edges. */
    private static byte[] blurred(byte[] picture, int radius) {
        byte[] blurred = new byte[PIXELS];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sum = 0;
                int count = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        int sy = Math.max(0, Math.min(SIZE - 1, y + dy));
                        int sx = Math.max(0, Math.min(SIZE - 1, x + dx));
                        sum += picture[sy * SIZE + sx] & 0xFF;
                        count++;
                    }
                }
                blurred[y * SIZE + x] = (byte) Math.round((float) sum / count);
            }
        }
        return blurred;
    }

    /** A Gaussian blob of σ = 30 pixels at the centre: the top-20 % region is a disc of radius about 65. */
    private static float[] blob() {
        float[] density = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            double distance = distanceFromCentre(i);
            density[i] = (float) Math.exp(-distance * distance / (2 * 30 * 30));
        }
        return density;
    }

    private static double distanceFromCentre(int pixel) {
        double dx = pixel % SIZE - SIZE / 2.0;
        double dy = pixel / SIZE - SIZE / 2.0;
        return Math.hypot(dx, dy);
    }
}
