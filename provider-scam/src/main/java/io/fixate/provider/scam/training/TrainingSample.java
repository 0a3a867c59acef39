package io.fixate.provider.scam.training;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One labelled training example: the frame at t with its neighbours t − 1 and t + 1 (net ST reads all three, S and SA
 * only the current one), the audio window of t at 16 kHz (read by SA only, so it may be null for S and ST), the index
 * of the clip's tag among the net's classes and, for the SCAM+ nets, the companion nodes reasoned over with the target
 * (each a sample of its own frames and audio; empty for the other nets).
 */
public record TrainingSample(VideoFrame previous, VideoFrame current, VideoFrame next, AudioBlock audio, int tag,
                             List<TrainingSample> companions) {

    public TrainingSample {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        if (tag < 0) {
            throw new IllegalArgumentException("a tag index cannot be negative, got " + tag);
        }
        companions = List.copyOf(companions);
    }

    /** A sample without companions. */
    public TrainingSample(VideoFrame previous, VideoFrame current, VideoFrame next, AudioBlock audio, int tag) {
        this(previous, current, next, audio, tag, List.of());
    }

    /** This sample with {@code others} as its companions. */
    public TrainingSample withCompanions(List<TrainingSample> others) {
        return new TrainingSample(previous, current, next, audio, tag, others);
    }

    /** The graph's nodes: this sample first (its own frames, without companions), then its companions. */
    public List<TrainingSample> nodes() {
        List<TrainingSample> nodes = new ArrayList<>(1 + companions.size());
        nodes.add(companions.isEmpty() ? this : withCompanions(List.of()));
        nodes.addAll(companions);
        return nodes;
    }
}
