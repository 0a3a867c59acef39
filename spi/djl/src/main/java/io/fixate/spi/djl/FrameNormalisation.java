package io.fixate.spi.djl;

/**
 * How an encoder wants the RGB values of its frames, given in [0, 1]: each pretrained encoder declares the
 * convention it was trained with (see {@link io.fixate.spi.djl.nn.VisualEncoder#input()}), and {@link
 * FramePreprocessor} follows it.
 */
public enum FrameNormalisation {

    /** Minus the ImageNet channel means, divided by their standard deviations (torchvision's convention). */
    IMAGENET_MEAN_STD {
        @Override
        float apply(float value, int channel) {
            return (value - FramePreprocessor.MEAN[channel]) / FramePreprocessor.STD[channel];
        }
    },

    /** Scaled to [-1, 1] (TensorFlow's MobileNet convention: {@code 2x - 1}). */
    SIGNED_UNIT {
        @Override
        float apply(float value, int channel) {
            return 2 * value - 1;
        }
    };

    /** The network's value for {@code value} in [0, 1] of RGB channel {@code channel}. */
    abstract float apply(float value, int channel);
}
