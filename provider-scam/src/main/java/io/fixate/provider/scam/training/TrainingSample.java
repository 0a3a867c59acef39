package io.fixate.provider.scam.training;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;

import java.util.Objects;

/**
 * One labelled training example: the frame at t with its neighbours t − 1 and t + 1 (net ST reads all three, S and SA
 * only the current one), the audio window of t at 16 kHz (read by SA only, so it may be null for S and ST) and the
 * index of the clip's tag among the net's classes.
 */
public record TrainingSample(VideoFrame previous, VideoFrame current, VideoFrame next, AudioBlock audio, int tag) {

    public TrainingSample {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        if (tag < 0) {
            throw new IllegalArgumentException("a tag index cannot be negative, got " + tag);
        }
    }
}
