package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.spi.djl.nn.AudioEncoder;

import java.util.List;

/**
 * Turns frames' audio windows into the batch an audio encoder's block takes, as its {@link AudioEncoder#input()}
 * says: (B, 1, 257, T) spectrograms of its window ({@link AudioSpectrogram}) or (B, S) mono samples of it, the S
 * samples of {@link AudioEncoder#requirement()} as the codec delivered them. The windows must be the ones the encoder
 * asks for: the codec weights them (or not) as the requirement says, and this class only lays them out. Immutable and
 * thread-safe.
 */
public final class AudioPreprocessor {

    private final AudioRequirement requirement;
    /** The spectrogram of the window, or null where the encoder takes the samples themselves. */
    private final AudioSpectrogram spectrogram;

    /** The preprocessing of {@code encoder}'s input. */
    public AudioPreprocessor(AudioEncoder encoder) {
        this.requirement = encoder.requirement();
        this.spectrogram = encoder.input() == AudioEncoder.Input.SPECTROGRAM
                ? new AudioSpectrogram(requirement.windowSamples()) : null;
    }

    /** The window the encoder wants with each frame. */
    public AudioRequirement requirement() {
        return requirement;
    }

    /** The shape of a batch of {@code batchSize} windows: (B, 1, 257, T) or (B, S). */
    public Shape batchShape(int batchSize) {
        return spectrogram == null ? new Shape(batchSize, requirement.windowSamples())
                : new Shape(batchSize, 1).addAll(spectrogram.outputShape());
    }

    /**
     * The encoder's input for {@code windows}, one batch entry each in order, owned by {@code manager}; several
     * channels are averaged to mono.
     *
     * @throws UnsupportedMediaException when a window is not at the requirement's rate or not its length
     */
    public NDArray batch(NDManager manager, List<AudioBlock> windows) {
        NDList entries = new NDList(windows.size());
        for (AudioBlock window : windows) {
            entries.add(spectrogram == null ? samples(manager, window)
                    : spectrogram.compute(manager, window).expandDims(0));
        }
        return NDArrays.stack(entries);
    }

    private NDArray samples(NDManager manager, AudioBlock window) {
        if (window.sampleRate() != requirement.sampleRate() || window.frameCount() != requirement.windowSamples()) {
            throw new UnsupportedMediaException("the audio encoder takes windows of " + requirement.windowSamples()
                    + " samples at " + requirement.sampleRate() + " Hz, got " + window);
        }
        return manager.create(window.toMono().copyInterleaved());
    }
}
