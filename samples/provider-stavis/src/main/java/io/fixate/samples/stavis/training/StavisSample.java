package io.fixate.samples.stavis.training;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;

import java.util.List;
import java.util.Objects;

/**
 * One training example: the clip of T frames centred on the target frame (at a clip's ends the nearest frame stands
 * in for a missing one, as the predictor does), the target frame's audio window (silence where the clip has none) and
 * its target map at the square training size, row-major values in [0, 1].
 */
record StavisSample(List<VideoFrame> clip, AudioBlock audio, float[] target) {

    StavisSample {
        clip = List.copyOf(clip);
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(target, "target");
    }
}
