package io.fixate.codec.output;

import java.awt.image.BufferedImage;

/** Sample size of grayscale map images. */
public enum BitDepth {
    /** 8-bit samples: value v is stored as round(v × 255). */
    EIGHT(BufferedImage.TYPE_BYTE_GRAY, 255),
    /** 16-bit samples: value v is stored as round(v × 65535). */
    SIXTEEN(BufferedImage.TYPE_USHORT_GRAY, 65_535);

    private final int imageType;
    private final int maxSample;

    BitDepth(int imageType, int maxSample) {
        this.imageType = imageType;
        this.maxSample = maxSample;
    }

    /** The {@link BufferedImage} type holding samples of this depth. */
    int imageType() {
        return imageType;
    }

    /** The sample that stands for map value 1. */
    int maxSample() {
        return maxSample;
    }
}
