package io.fixate.codec.output;

import java.util.Objects;

/**
 * What a fixation JSON file describes.
 *
 * @param source    the analysed media, as the user named it
 * @param model     the predictor that made the maps
 * @param width     frame width in pixels
 * @param height    frame height in pixels
 * @param frameRate nominal frames per second of the source
 */
public record JsonHeader(String source, String model, int width, int height, double frameRate) {

    public JsonHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (!(frameRate > 0 && Double.isFinite(frameRate))) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        }
    }
}
