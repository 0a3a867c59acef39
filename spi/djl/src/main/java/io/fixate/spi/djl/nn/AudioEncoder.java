package io.fixate.spi.djl.nn;

import ai.djl.nn.Block;
import io.fixate.api.AudioRequirement;

import java.util.Objects;

/**
 * An audio encoder: {@code block} maps the audio window of each frame, as {@code input} says, to (B, {@code
 * embeddingSize}) embeddings.
 *
 * @param name          the registry name (see {@link Encoders})
 * @param block         a fresh, uninitialised block owned by the net it is given to
 * @param embeddingSize length of the embedding
 * @param requirement   the window the encoder wants with each frame
 * @param input         what the block takes of that window
 */
public record AudioEncoder(String name, Block block, int embeddingSize, AudioRequirement requirement, Input input) {

    /** What an audio encoder's block takes. */
    public enum Input {
        /** (B, 1, 257, T) log-spectrograms of the window, as made by {@link io.fixate.spi.djl.AudioSpectrogram}. */
        SPECTROGRAM,
        /** (B, S) the window's S samples themselves; the block computes its own features. */
        WAVEFORM
    }

    /** An encoder of spectrograms of the reference's half-second Hann-weighted window, as trained from scratch here. */
    public AudioEncoder(String name, Block block, int embeddingSize) {
        this(name, block, embeddingSize, AudioRequirement.DEFAULT, Input.SPECTROGRAM);
    }

    public AudioEncoder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(input, "input");
        if (embeddingSize <= 0) {
            throw new IllegalArgumentException("encoder " + name + " needs a positive embedding size, got "
                    + embeddingSize);
        }
    }
}
