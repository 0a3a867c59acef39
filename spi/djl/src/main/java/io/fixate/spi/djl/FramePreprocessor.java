package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.VideoFrame;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns a {@link VideoFrame} into the (3, S, S) float tensor the nets take: RGB scaled to [0, 1], a square bilinear
 * resize (not aspect-preserving, half-pixel centres, no antialiasing, as the reference's {@code Resize}), then the
 * encoder's {@link FrameNormalisation} (by default the ImageNet mean and standard deviation per channel). The
 * {@linkplain #augmenting augmenting} variant is the reference's training augmentation: resize to a larger square, a
 * random S × S crop, then {@link ColourJitter}, drawn independently for every frame from a seeded {@link
 * SplittableRandom}, so the same seed and frames give the same tensors. The pixel work is plain Java; each frame costs one array creation on the manager.
 *
 * <p>The evaluation variant is immutable; an augmenting instance advances its random state on every frame and is not
 * thread-safe.
 */
public final class FramePreprocessor {

    /** ImageNet channel means, R, G, B. */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet channel standard deviations, R, G, B. */
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private static final int CHANNELS = 3;

    private final int inputSize;
    private final int resizeSize;
    private final SplittableRandom random;
    private final FrameNormalisation normalisation;

    private FramePreprocessor(int inputSize, int resizeSize, SplittableRandom random,
                              FrameNormalisation normalisation) {
        if (inputSize <= 0 || resizeSize < inputSize) {
            throw new IllegalArgumentException("need 0 < input size <= resize size, got input " + inputSize
                    + " and resize " + resizeSize);
        }
        this.inputSize = inputSize;
        this.resizeSize = resizeSize;
        this.random = random;
        this.normalisation = Objects.requireNonNull(normalisation, "normalisation");
    }

    /** Test-time preprocessing: square resize to {@code inputSize} and ImageNet normalisation. */
    public static FramePreprocessor evaluation(int inputSize) {
        return evaluation(inputSize, FrameNormalisation.IMAGENET_MEAN_STD);
    }

    /** Test-time preprocessing: square resize to {@code inputSize} and the encoder's {@code normalisation}. */
    public static FramePreprocessor evaluation(int inputSize, FrameNormalisation normalisation) {
        return new FramePreprocessor(inputSize, inputSize, null, normalisation);
    }

    /**
     * Training preprocessing: square resize to {@code resizeSize}, a random {@code inputSize} crop, colour jitter and
     * normalisation, drawn from a random source seeded with {@code seed}.
     */
    public static FramePreprocessor augmenting(int inputSize, int resizeSize, long seed) {
        return augmenting(inputSize, resizeSize, seed, FrameNormalisation.IMAGENET_MEAN_STD);
    }

    /** Training preprocessing as {@link #augmenting(int, int, long)}, normalised as the encoder wants. */
    public static FramePreprocessor augmenting(int inputSize, int resizeSize, long seed,
                                               FrameNormalisation normalisation) {
        return new FramePreprocessor(inputSize, resizeSize, new SplittableRandom(seed), normalisation);
    }

    /** Side S of the square output. */
    public int inputSize() {
        return inputSize;
    }

    /** Whether this instance crops and jitters. */
    public boolean isAugmenting() {
        return random != null;
    }

    /** The (3, S, S) float32 tensor of {@code frame}, owned by {@code manager}. */
    public NDArray apply(VideoFrame frame, NDManager manager) {
        return manager.create(pixels(frame), new Shape(CHANNELS, inputSize, inputSize));
    }

    /** The normalised CHW values of {@code frame}. */
    float[] pixels(VideoFrame frame) {
        Objects.requireNonNull(frame, "frame");
        float[][] planes = resized(frame);
        if (random != null) {
            planes = randomCrop(planes);
            ColourJitter.apply(planes, random);
        }
        return normalised(planes);
    }

    /** The frame's channel planes in [0, 1], resized to the square; only the pixels the resize samples are read. */
    private float[][] resized(VideoFrame frame) {
        ByteBuffer rgb = frame.rgb();
        float[][] result = new float[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            int channel = c;
            result[c] = PlaneResize.bilinear(pixel -> (rgb.get(pixel * CHANNELS + channel) & 0xFF) / 255f,
                    frame.width(), frame.height(), resizeSize, resizeSize);
        }
        return result;
    }

    private float[][] randomCrop(float[][] planes) {
        int left = random.nextInt(resizeSize - inputSize + 1);
        int top = random.nextInt(resizeSize - inputSize + 1);
        float[][] crop = new float[CHANNELS][inputSize * inputSize];
        for (int c = 0; c < CHANNELS; c++) {
            for (int y = 0; y < inputSize; y++) {
                System.arraycopy(planes[c], (top + y) * resizeSize + left, crop[c], y * inputSize, inputSize);
            }
        }
        return crop;
    }

    private float[] normalised(float[][] planes) {
        int pixels = inputSize * inputSize;
        float[] chw = new float[CHANNELS * pixels];
        for (int c = 0; c < CHANNELS; c++) {
            for (int i = 0; i < pixels; i++) {
                chw[c * pixels + i] = normalisation.apply(planes[c][i], c);
            }
        }
        return chw;
    }
}
