package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.VideoFrame;
import io.fixate.spi.djl.FrameFit.ContentRectangle;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns a {@link VideoFrame} into the (3, S, S) float tensor the nets take: RGB scaled to [0, 1], a bilinear resize
 * into the square as the {@link FrameFit} says (by default {@link FrameFit#SQUASH}: the whole square, not
 * aspect-preserving, as the reference's {@code Resize}; {@link FrameFit#PAD}: aspect kept, centred, a border of
 * {@link #BORDER_GREY}), with half-pixel centres and no antialiasing, then the encoder's {@link FrameNormalisation}
 * (by default the ImageNet mean and standard deviation per channel). The {@linkplain #augmenting augmenting} variant
 * is the reference's training augmentation: resize to a larger square, a random S × S crop, then {@link ColourJitter}
 * of the frame's cells, drawn independently for every frame from a seeded {@link SplittableRandom}, so the same seed
 * and frames give the same tensors. The pixel work is plain Java; each frame costs one array creation on the manager.
 *
 * <p>The evaluation variant is immutable; an augmenting instance advances its random state on every frame and is not
 * thread-safe.
 */
public final class FramePreprocessor {

    /** ImageNet channel means, R, G, B. */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet channel standard deviations, R, G, B. */
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** The value in [0, 1] of every channel of a padded frame's border: neutral grey. */
    public static final float BORDER_GREY = 0.5f;

    private static final int CHANNELS = 3;

    private final int inputSize;
    private final int resizeSize;
    private final SplittableRandom random;
    private final FrameNormalisation normalisation;
    private final FrameFit fit;

    private FramePreprocessor(int inputSize, int resizeSize, SplittableRandom random,
                              FrameNormalisation normalisation, FrameFit fit) {
        if (inputSize <= 0 || resizeSize < inputSize) {
            throw new IllegalArgumentException("need 0 < input size <= resize size, got input " + inputSize
                    + " and resize " + resizeSize);
        }
        this.inputSize = inputSize;
        this.resizeSize = resizeSize;
        this.random = random;
        this.normalisation = Objects.requireNonNull(normalisation, "normalisation");
        this.fit = Objects.requireNonNull(fit, "fit");
    }

    /** Test-time preprocessing: square resize to {@code inputSize} and ImageNet normalisation. */
    public static FramePreprocessor evaluation(int inputSize) {
        return evaluation(inputSize, FrameNormalisation.IMAGENET_MEAN_STD);
    }

    /** Test-time preprocessing: square resize to {@code inputSize} and the encoder's {@code normalisation}. */
    public static FramePreprocessor evaluation(int inputSize, FrameNormalisation normalisation) {
        return evaluation(inputSize, normalisation, FrameFit.SQUASH);
    }

    /** Test-time preprocessing: the frame laid into the square of {@code inputSize} as {@code fit} says. */
    public static FramePreprocessor evaluation(int inputSize, FrameNormalisation normalisation, FrameFit fit) {
        return new FramePreprocessor(inputSize, inputSize, null, normalisation, fit);
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
        return augmenting(inputSize, resizeSize, seed, normalisation, FrameFit.SQUASH);
    }

    /**
     * Training preprocessing as {@link #augmenting(int, int, long)}, normalised as the encoder wants, the frame laid
     * into the square of {@code resizeSize} as {@code fit} says before the crop; the jitter leaves a border grey.
     */
    public static FramePreprocessor augmenting(int inputSize, int resizeSize, long seed,
                                               FrameNormalisation normalisation, FrameFit fit) {
        return new FramePreprocessor(inputSize, resizeSize, new SplittableRandom(seed), normalisation, fit);
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
        ContentRectangle content = fit.content(frame.width(), frame.height(), resizeSize);
        float[][] planes = placed(frame, content);
        if (random != null) {
            int left = random.nextInt(resizeSize - inputSize + 1);
            int top = random.nextInt(resizeSize - inputSize + 1);
            ContentRectangle crop = new ContentRectangle(left, top, inputSize, inputSize);
            for (int c = 0; c < CHANNELS; c++) {
                planes[c] = crop.cropped(planes[c], resizeSize);
            }
            jitterFrameCells(planes, content, left, top);
        }
        return normalised(planes);
    }

    /**
     * The frame's channel planes in [0, 1], resized into its content rectangle of the square, grey around it; only
     * the pixels the resize samples are read.
     */
    private float[][] placed(VideoFrame frame, ContentRectangle content) {
        ByteBuffer rgb = frame.rgb();
        float[][] result = new float[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            int channel = c;
            float[] plane = PlaneResize.bilinear(pixel -> (rgb.get(pixel * CHANNELS + channel) & 0xFF) / 255f,
                    frame.width(), frame.height(), content.width(), content.height());
            result[c] = content.placed(plane, resizeSize, BORDER_GREY);
        }
        return result;
    }

    /**
     * Colour jitter of the cells the frame covers in the crop at ({@code cropLeft}, {@code cropTop}): a padded
     * border stays the grey prediction sees, and contrast blends with the frame's own mean grey, not the border's.
     */
    private void jitterFrameCells(float[][] planes, ContentRectangle content, int cropLeft, int cropTop) {
        int left = Math.max(content.left() - cropLeft, 0);
        int top = Math.max(content.top() - cropTop, 0);
        int right = Math.min(content.left() + content.width() - cropLeft, inputSize);
        int bottom = Math.min(content.top() + content.height() - cropTop, inputSize);
        if (right <= left || bottom <= top) {
            return; // the crop shows only border: nothing to jitter
        }
        ContentRectangle visible = new ContentRectangle(left, top, right - left, bottom - top);
        float[][] cells = new float[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            cells[c] = visible.cropped(planes[c], inputSize);
        }
        ColourJitter.apply(cells, random);
        for (int c = 0; c < CHANNELS; c++) {
            planes[c] = visible.placed(cells[c], inputSize, BORDER_GREY);
        }
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
