package io.fixate.provider.stanet.training;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;

import java.util.Objects;

/**
 * One distillation example: frame t with its neighbours t − 1 and t + 1, frame t's audio window (silence where the
 * clip has no sound, as the predictor feeds it) and the teacher's map of frame t resampled to the square training
 * size, row-major values in [0, 1].
 */
record DistillationSample(VideoFrame previous, VideoFrame current, VideoFrame next, AudioBlock audio,
                          float[] pseudoMap) {

    DistillationSample {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(pseudoMap, "pseudoMap");
    }
}
