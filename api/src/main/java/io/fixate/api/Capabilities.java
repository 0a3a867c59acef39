package io.fixate.api;

import java.util.List;
import java.util.Objects;

/**
 * What a model needs and offers, so that hosts can feed it correctly before opening it.
 *
 * @param usesAudio        whether the audio window influences the output
 * @param contextFrames    how many past frames the model looks at besides the current one
 * @param lookAheadFrames  how many future frames must arrive before a frame's map can be produced
 * @param nativeInputWidth  the model's input width in pixels, or 0 if it takes any size
 * @param nativeInputHeight the model's input height in pixels, or 0 if it takes any size
 * @param audio            the audio window the model wants with each frame
 * @param needsWeights     whether the model loads trained weights
 * @param labels           the category tags a labeler accepts; empty for predictors
 */
public record Capabilities(boolean usesAudio, int contextFrames, int lookAheadFrames, int nativeInputWidth,
                           int nativeInputHeight, AudioRequirement audio, boolean needsWeights, List<String> labels) {
    public Capabilities {
        if (contextFrames < 0 || lookAheadFrames < 0) {
            throw new IllegalArgumentException("frame counts must not be negative");
        }
        if (nativeInputWidth < 0 || nativeInputHeight < 0) {
            throw new IllegalArgumentException("native input size must not be negative");
        }
        Objects.requireNonNull(audio, "audio");
        labels = List.copyOf(labels);
    }
}
