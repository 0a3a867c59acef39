package io.fixate.spi.djl.nn;

import ai.djl.nn.Block;

import java.util.Objects;

/**
 * An audio encoder: {@code block} maps (B, 1, 257, T) log-spectrograms (as made by {@link
 * io.fixate.spi.djl.AudioSpectrogram}) to (B, {@code embeddingSize}) embeddings.
 *
 * @param name          the registry name (see {@link Encoders})
 * @param block         a fresh, uninitialised block owned by the net it is given to
 * @param embeddingSize length of the embedding
 */
public record AudioEncoder(String name, Block block, int embeddingSize) {

    public AudioEncoder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        if (embeddingSize <= 0) {
            throw new IllegalArgumentException("encoder " + name + " needs a positive embedding size, got "
                    + embeddingSize);
        }
    }
}
