package io.fixate.cli.bench;

import java.util.Arrays;

/**
 * Picture quality of a compressed clip against its reference, over the whole frame and where people look. Frames go in
 * one at a time with {@link #add}: the reference picture, the decoded picture and the attention density of that
 * frame; {@link #scores} reports the clip so far. Each picture is an 8-bit luma plane, {@code width × height} bytes
 * row by row, read as unsigned 0 to 255. The density is {@code width × height} finite, non-negative floats on any
 * scale; one that is all zero counts as uniform, people looking everywhere alike.
 *
 * <p>Every PSNR is {@code 10 · log10(255² / MSE)} in dB, with MSE the mean squared difference of the two pictures,
 * and is capped at {@value #MAX_PSNR} dB, which identical pictures get. Every SSIM is computed on 8 × 8 windows of
 * uniform weight placed every 4 pixels across and down, overlapping by half (the layout of x264's SSIM), from each
 * window's means, variances and covariance with the standard constants {@code C1 = (0.01 · 255)²} and
 * {@code C2 = (0.03 · 255)²}; 1 means structurally identical, lower is worse. A frame whose width or height is not a
 * multiple of 4 leaves its last one to three columns or rows out of SSIM (PSNR counts every pixel). The top-20 %
 * region of a frame is the pixels whose density is at or above the 80th percentile of that frame's density: at least
 * a fifth of the frame, more where density values tie at the threshold, the whole frame where the density is uniform.
 *
 * <p>An instance is not thread-safe. One 640 × 360 frame takes a couple of milliseconds on one core.
 */
public final class PictureQuality {

    /** The PSNR of identical pictures, in dB, and the most any PSNR here reports. */
    public static final double MAX_PSNR = 100;

    private static final int BLOCK = 4;
    private static final int WINDOW = 2 * BLOCK;
    private static final double WINDOW_PIXELS = WINDOW * WINDOW;
    // The SSIM constants, scaled by WINDOW_PIXELS² because ssim(...) works on window sums rather than means.
    private static final double C1 = square(0.01 * 255) * WINDOW_PIXELS * WINDOW_PIXELS;
    private static final double C2 = square(0.03 * 255) * WINDOW_PIXELS * WINDOW_PIXELS;
    private static final int HALF_BITS = 16;
    private static final int HALF_MASK = (1 << HALF_BITS) - 1;

    private final int width;
    private final int height;
    private final int pixels;
    private final int blocksWide;
    private final int blocksHigh;
    // Per 4 × 4 block of the frame being added: sums of reference values, decoded values, squares of both, products
    // of the two, and density. Adjacent 2 × 2 blocks make one SSIM window.
    private final int[] referenceSums;
    private final int[] decodedSums;
    private final int[] squareSums;
    private final int[] productSums;
    private final double[] densitySums;
    private final int[] histogram = new int[1 << HALF_BITS];

    private long squaredError;
    private double weightedMseSum;
    private double topMseSum;
    private double ssimSum;
    private double weightedSsimSum;
    private double topSsimSum;
    private int topSsimFrames;
    private int frames;

    /**
     * The clip's scores.
     *
     * @param psnr PSNR over every pixel of every frame: one MSE over the whole clip
     * @param ssim SSIM over the whole frame: the mean of the frame's SSIM windows, averaged over frames
     * @param weightedPsnr attention-weighted PSNR: each frame's squared errors weighted by its density (normalised so
     *        that each frame counts equally), the PSNR of the mean of those weighted MSEs over frames
     * @param weightedSsim attention-weighted SSIM: each frame's SSIM windows weighted by the density summed over the
     *        window, averaged over frames
     * @param topPsnr PSNR inside the top-20 % attention region: the PSNR of the mean over frames of the MSE of each
     *        frame's region
     * @param topSsim SSIM inside the top-20 % attention region: the mean of the SSIM windows whose centre (the pixel
     *        4 right of and 4 below the window's top left corner) is in the region, averaged over frames; a frame
     *        whose region holds no window centre is left out, and the score is NaN when every frame is
     * @param frames how many frames the scores cover
     */
    public record Scores(double psnr, double ssim, double weightedPsnr, double weightedSsim, double topPsnr,
                         double topSsim, int frames) {
    }

    /**
     * An accumulator for frames of {@code width × height} pixels.
     *
     * @throws IllegalArgumentException if width or height is below 8, the size of one SSIM window, or the frame
     *         holds more than {@link Integer#MAX_VALUE} pixels
     */
    public PictureQuality(int width, int height) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException(
                    "frame " + width + "x" + height + " is smaller than the " + WINDOW + "x" + WINDOW + " SSIM window");
        }
        if ((long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " has too many pixels");
        }
        this.width = width;
        this.height = height;
        this.pixels = width * height;
        this.blocksWide = width / BLOCK;
        this.blocksHigh = height / BLOCK;
        int blocks = blocksWide * blocksHigh;
        this.referenceSums = new int[blocks];
        this.decodedSums = new int[blocks];
        this.squareSums = new int[blocks];
        this.productSums = new int[blocks];
        this.densitySums = new double[blocks];
    }

    /**
     * Adds one frame. A frame that is rejected leaves the scores as they were.
     *
     * @param reference the reference picture, {@code width × height} luma bytes row by row
     * @param decoded the decoded picture, {@code width × height} luma bytes row by row
     * @param density where people look in this frame, {@code width × height} finite non-negative values row by row
     * @throws IllegalArgumentException if an array's length is not {@code width × height}, or a density value is
     *         negative, NaN or infinite
     */
    public void add(byte[] reference, byte[] decoded, float[] density) {
        requireFrameLength("reference", reference.length);
        requireFrameLength("decoded", decoded.length);
        requireFrameLength("density", density.length);
        double densityTotal = validatedTotal(density);
        float threshold = topThreshold(density);
        addErrors(reference, decoded, density, densityTotal, threshold);
        sumBlocks(reference, decoded, density);
        addSsim(density, threshold);
        frames++;
    }

    /**
     * The scores of the frames added so far.
     *
     * @throws IllegalStateException if no frame has been added
     */
    public Scores scores() {
        if (frames == 0) {
            throw new IllegalStateException("no frames added");
        }
        double topSsim = topSsimFrames > 0 ? topSsimSum / topSsimFrames : Double.NaN;
        return new Scores(psnr((double) squaredError / ((long) frames * pixels)), ssimSum / frames,
                psnr(weightedMseSum / frames), weightedSsimSum / frames, psnr(topMseSum / frames), topSsim, frames);
    }

    private void requireFrameLength(String name, int length) {
        if (length != pixels) {
            throw new IllegalArgumentException(name + " has " + length + " values; a " + width + "x" + height
                    + " frame needs " + pixels);
        }
    }

    private static double validatedTotal(float[] density) {
        double total = 0;
        for (int i = 0; i < density.length; i++) {
            float value = density[i];
            if (!(value >= 0) || value == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "density[" + i + "] is " + value + "; densities must be finite and non-negative");
            }
            total += value;
        }
        return total;
    }

    /**
     * The 80th percentile of the density: its k-th largest value, k being a fifth of the pixels rounded up. Found by
     * a radix select on the bits of the values, whose order as integers is their order as non-negative floats.
     */
    private float topThreshold(float[] density) {
        int rank = (pixels + 4) / 5;
        Arrays.fill(histogram, 0);
        for (float value : density) {
            histogram[magnitudeBits(value) >>> HALF_BITS]++;
        }
        int high = HALF_MASK;
        while (histogram[high] < rank) {
            rank -= histogram[high--];
        }
        Arrays.fill(histogram, 0);
        for (float value : density) {
            int bits = magnitudeBits(value);
            if (bits >>> HALF_BITS == high) {
                histogram[bits & HALF_MASK]++;
            }
        }
        int low = HALF_MASK;
        while (histogram[low] < rank) {
            rank -= histogram[low--];
        }
        return Float.intBitsToFloat(high << HALF_BITS | low);
    }

    /** The bits of a non-negative float without its sign, so that -0 sorts as 0. */
    private static int magnitudeBits(float value) {
        return Float.floatToRawIntBits(value) & Integer.MAX_VALUE;
    }

    private void addErrors(byte[] reference, byte[] decoded, float[] density, double densityTotal, float threshold) {
        long frameError = 0;
        double weightedError = 0;
        long topError = 0;
        int topPixels = 0;
        for (int i = 0; i < pixels; i++) {
            int difference = (reference[i] & 0xFF) - (decoded[i] & 0xFF);
            int error = difference * difference;
            frameError += error;
            weightedError += (double) density[i] * error;
            if (density[i] >= threshold) {
                topError += error;
                topPixels++;
            }
        }
        squaredError += frameError;
        weightedMseSum += densityTotal > 0 ? weightedError / densityTotal : (double) frameError / pixels;
        topMseSum += (double) topError / topPixels;
    }

    private void sumBlocks(byte[] reference, byte[] decoded, float[] density) {
        for (int blockY = 0; blockY < blocksHigh; blockY++) {
            for (int blockX = 0; blockX < blocksWide; blockX++) {
                int referenceSum = 0;
                int decodedSum = 0;
                int squareSum = 0;
                int productSum = 0;
                double densitySum = 0;
                for (int y = blockY * BLOCK; y < (blockY + 1) * BLOCK; y++) {
                    int start = y * width + blockX * BLOCK;
                    for (int i = start; i < start + BLOCK; i++) {
                        int r = reference[i] & 0xFF;
                        int d = decoded[i] & 0xFF;
                        referenceSum += r;
                        decodedSum += d;
                        squareSum += r * r + d * d;
                        productSum += r * d;
                        densitySum += density[i];
                    }
                }
                int block = blockY * blocksWide + blockX;
                referenceSums[block] = referenceSum;
                decodedSums[block] = decodedSum;
                squareSums[block] = squareSum;
                productSums[block] = productSum;
                densitySums[block] = densitySum;
            }
        }
    }

    private void addSsim(float[] density, float threshold) {
        double sum = 0;
        int windows = 0;
        double weightedSum = 0;
        double weightTotal = 0;
        double topSum = 0;
        int topWindows = 0;
        for (int blockY = 0; blockY + 1 < blocksHigh; blockY++) {
            for (int blockX = 0; blockX + 1 < blocksWide; blockX++) {
                int block = blockY * blocksWide + blockX;
                double ssim = ssim(window(referenceSums, block), window(decodedSums, block),
                        window(squareSums, block), window(productSums, block));
                double weight = densitySums[block] + densitySums[block + 1] + densitySums[block + blocksWide]
                        + densitySums[block + blocksWide + 1];
                sum += ssim;
                windows++;
                weightedSum += weight * ssim;
                weightTotal += weight;
                if (density[(blockY + 1) * BLOCK * width + (blockX + 1) * BLOCK] >= threshold) {
                    topSum += ssim;
                    topWindows++;
                }
            }
        }
        ssimSum += sum / windows;
        // Density only in the columns or rows SSIM leaves out weighs nothing here: then the windows count alike.
        weightedSsimSum += weightTotal > 0 ? weightedSum / weightTotal : sum / windows;
        if (topWindows > 0) {
            topSsimSum += topSum / topWindows;
            topSsimFrames++;
        }
    }

    /** The sum over the 8 × 8 window whose top left 4 × 4 block is {@code block}. */
    private int window(int[] blockSums, int block) {
        return blockSums[block] + blockSums[block + 1] + blockSums[block + blocksWide]
                + blockSums[block + blocksWide + 1];
    }

    /** SSIM of one window from its sums: of reference, of decoded, of both squared, of their products. */
    private static double ssim(double referenceSum, double decodedSum, double squareSum, double productSum) {
        double products = referenceSum * decodedSum;
        double squares = referenceSum * referenceSum + decodedSum * decodedSum;
        return (2 * products + C1) * (2 * (WINDOW_PIXELS * productSum - products) + C2)
                / ((squares + C1) * (WINDOW_PIXELS * squareSum - squares + C2));
    }

    private static double psnr(double mse) {
        return Math.min(MAX_PSNR, 10 * Math.log10(255.0 * 255.0 / mse));
    }

    private static double square(double value) {
        return value * value;
    }
}
