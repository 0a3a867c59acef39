package io.fixate.api;

import java.util.Objects;

/**
 * A video frame together with the audio window that belongs to it, which is what predictors consume.
 *
 * @param frame the picture
 * @param audio the audio window for this frame, in the predictor's {@link AudioRequirement}: mono, at its sample
 *              rate, centred on the frame's time; silence when the media has no sound
 * @param audioPresent false when {@code audio} is silence made up because the source has no (more) audio, so that a
 *                     model can tell missing sound from a quiet scene
 */
public record FrameWithAudio(VideoFrame frame, AudioBlock audio, boolean audioPresent) {
    public FrameWithAudio {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(audio, "audio");
    }

    /** A frame whose media has no sound: the window is {@code requirement}'s length of silence. */
    public static FrameWithAudio silent(VideoFrame frame, AudioRequirement requirement) {
        AudioBlock silence = AudioBlock.silence(requirement.windowSamples(), requirement.sampleRate(), 1,
                frame.timestampMicros() - requirement.windowMicros() / 2);
        return new FrameWithAudio(frame, silence, false);
    }
}
