package io.fixate.codec.output;

import io.fixate.codec.MediaInfo;
import java.util.Objects;

/**
 * What a fixation JSON file describes: the picture as displayed, which is what the maps and coordinates refer to.
 *
 * @param source       the analysed media, as the user named it
 * @param model        the predictor that made the maps
 * @param width        displayed frame width in pixels
 * @param height       displayed frame height in pixels
 * @param frameRate    nominal frames per second of the source
 * @param rotation     degrees the stored picture was turned clockwise to be displayed: 0, 90, 180 or 270
 * @param mirrored     whether the stored picture was also mirrored left to right
 * @param pixelAspect  width over height of a displayed pixel; 1 for square pixels
 * @param audioPresent whether the source had sound the model could hear
 */
public record JsonHeader(String source, String model, int width, int height, double frameRate, int rotation,
                         boolean mirrored, double pixelAspect, boolean audioPresent) {

    public JsonHeader {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (!(frameRate > 0 && Double.isFinite(frameRate))) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        }
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotation);
        }
        if (!(pixelAspect > 0 && Double.isFinite(pixelAspect))) {
            throw new IllegalArgumentException("pixel aspect ratio must be positive, got " + pixelAspect);
        }
    }

    /** A picture shown as stored, with square pixels and without sound, as hosts' own buffers often are. */
    public JsonHeader(String source, String model, int width, int height, double frameRate) {
        this(source, model, width, height, frameRate, 0, false, 1, false);
    }

    /** The header of {@code media} as a {@link io.fixate.codec.MediaReader} describes and delivers it. */
    public static JsonHeader of(String source, String model, MediaInfo media) {
        return new JsonHeader(source, model, media.width(), media.height(), media.frameRate(), media.rotation(),
                media.mirrored(), media.pixelAspect(), media.hasAudio());
    }
}
