package io.fixate.codec.output;

import io.fixate.api.InvalidOptionsException;
import java.util.Objects;

/**
 * How a fixation map is drawn over a frame. Each pixel is blended with the colour of the map value {@code m} there,
 * weighted by that value:
 * <pre>out = frame * (1 - opacity * m) + colour(m) * opacity * m</pre>
 * so areas nobody looks at keep the original picture and the most attended areas show the colour at
 * {@code opacity}. The map is bilinearly resampled to the frame size first, and its values are drawn in steps of
 * 1/1024, which moves no output byte by more than one level from the formula.
 *
 * @param colorMap how values are coloured
 * @param opacity  weight of the colour where the map is 1, in [0, 1]
 */
public record HeatmapStyle(ColorMap colorMap, double opacity) {

    /** Jet colours at half opacity. */
    public static final HeatmapStyle DEFAULT = new HeatmapStyle(ColorMap.JET, 0.5);

    /** @throws InvalidOptionsException if {@code opacity} is not in [0, 1] */
    public HeatmapStyle {
        Objects.requireNonNull(colorMap, "colorMap");
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new InvalidOptionsException("heatmap opacity must be in [0, 1], got " + opacity);
        }
    }
}
