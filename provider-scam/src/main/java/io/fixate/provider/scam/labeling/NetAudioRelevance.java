package io.fixate.provider.scam.labeling;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.provider.scam.audio.SoundSwitch;
import io.fixate.provider.scam.training.Batches;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FramePreprocessor;

import java.util.List;

/**
 * Audio relevance from a trained {@link SoundSwitch} on the current frame (square-resized to the switch's input size,
 * normalised as its visual encoder declares) and its audio window, read with the reference's gate, logit₁ &gt; 0; a
 * frame without sound is never relevant, as there is nothing for the SA net to hear. Each call works in a sub-manager
 * closed before it returns. Not thread-safe.
 */
public final class NetAudioRelevance implements AudioRelevance {

    private final SoundSwitch soundSwitch;
    private final Batches inputs;
    private final NDManager manager;

    /**
     * @param soundSwitch an initialised, trained switch
     * @param inputSize   side of the square frames the switch was trained on
     * @param audio       the audio front end it was trained with
     * @param manager     the manager holding its parameters
     */
    public NetAudioRelevance(SoundSwitch soundSwitch, int inputSize, AudioSpectrogram audio, NDManager manager) {
        this.soundSwitch = soundSwitch;
        this.inputs = new Batches(soundSwitch.input(),
                FramePreprocessor.evaluation(inputSize, soundSwitch.visualEncoder().input()), audio,
                soundSwitch.classes());
        this.manager = manager;
    }

    @Override
    public boolean relevant(FrameTriple frames, boolean soundPresent) {
        if (!soundPresent) {
            return false;
        }
        try (NDManager step = manager.newSubManager()) {
            NDList logits = soundSwitch.forward(new ParameterStore(step, false),
                    inputs.inputs(List.of(frames.asSample(0)), step), false);
            return SoundSwitch.gate(logits.singletonOrThrow()).getFloat() > 0;
        }
    }
}
