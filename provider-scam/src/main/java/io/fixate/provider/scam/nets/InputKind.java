package io.fixate.provider.scam.nets;

/** What a trainable net reads from a training sample. */
public enum InputKind {
    /** Net S: the current frame. */
    FRAME,
    /** Net ST: the previous, current and next frames. */
    FRAME_TRIPLE,
    /** Net SA and the sound switch: the current frame and the spectrogram of its audio window. */
    FRAME_AND_AUDIO,
    /** The audio classifier: the spectrogram of the current frame's audio window. */
    AUDIO
}
