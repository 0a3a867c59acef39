package io.fixate.api;

import java.util.List;
import java.util.Objects;

/**
 * What a model needs and offers, so that hosts can feed it correctly before opening it. {@link #builder()} names each
 * field as it is set.
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

    /**
     * Capabilities set field by field, starting from a model that ignores sound (while still taking the reference
     * model's window), looks at the current frame only, takes any input size, needs no weights and accepts no tags.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Capabilities}; each setter replaces what an earlier call set. */
    public static final class Builder {
        private boolean usesAudio;
        private AudioRequirement audio = AudioRequirement.DEFAULT;
        private int contextFrames;
        private int lookAheadFrames;
        private int nativeInputWidth;
        private int nativeInputHeight;
        private boolean needsWeights;
        private List<String> labels = List.of();

        private Builder() {
        }

        /** The model listens: each frame comes with an audio window as {@code window} describes. */
        public Builder usesAudio(AudioRequirement window) {
            this.usesAudio = true;
            this.audio = Objects.requireNonNull(window, "window");
            return this;
        }

        /** The model looks at {@code past} frames before and {@code ahead} frames after the one it maps. */
        public Builder frames(int past, int ahead) {
            this.contextFrames = past;
            this.lookAheadFrames = ahead;
            return this;
        }

        /** The model's input is {@code width} x {@code height} pixels; frames of other sizes are resized for it. */
        public Builder nativeInput(int width, int height) {
            this.nativeInputWidth = width;
            this.nativeInputHeight = height;
            return this;
        }

        /** The model loads trained weights. */
        public Builder needsWeights() {
            this.needsWeights = true;
            return this;
        }

        /** The category tags a labeler accepts. */
        public Builder labels(List<String> tags) {
            this.labels = List.copyOf(tags);
            return this;
        }

        /** @throws IllegalArgumentException if a frame count or input size is negative */
        public Capabilities build() {
            return new Capabilities(usesAudio, contextFrames, lookAheadFrames, nativeInputWidth, nativeInputHeight,
                    audio, needsWeights, labels);
        }
    }
}
