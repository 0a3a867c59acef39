package io.fixate.provider.scam.recipe;

import io.fixate.api.AudioBlock;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.labeling.ClipNodes;
import io.fixate.provider.scam.training.TrainingSample;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A decoded training clip with one tag: every frame and its audio window (null where the clip has no sound), in
 * memory, about width × height × 3 bytes plus 32 kB of audio per frame.
 */
final class DecodedClip implements ClipNodes {

    private final String id;
    private final int tag;
    private final List<VideoFrame> frames = new ArrayList<>();
    private final List<AudioBlock> audio = new ArrayList<>();

    DecodedClip(String id, int tag) {
        this.id = id;
        this.tag = tag;
    }

    void add(FrameWithAudio frame) {
        frames.add(frame.frame());
        audio.add(frame.audioPresent() ? frame.audio() : null);
    }

    String id() {
        return id;
    }

    int tag() {
        return tag;
    }

    @Override
    public int length() {
        return frames.size();
    }

    @Override
    public TrainingSample node(int frame, int label) {
        if (frame < 0 || frame >= frames.size()) {
            throw new IllegalArgumentException("frame " + frame + " is not one of the " + frames.size() + " of " + id);
        }
        return new TrainingSample(frames.get(Math.max(frame - 1, 0)), frames.get(frame),
                frames.get(Math.min(frame + 1, frames.size() - 1)), audio.get(frame), label);
    }

    @Override
    public int[] longCandidates() {
        return IntStream.range(0, frames.size()).toArray();
    }

    /** The frames taken as training samples: every {@code stride}-th, from the first. */
    int[] sampledFrames(int stride) {
        return IntStream.iterate(0, f -> f < frames.size(), f -> f + stride).toArray();
    }

    /** The samples of every {@code stride}-th frame, labelled with the clip's tag. */
    List<TrainingSample> samples(int stride) {
        return IntStream.of(sampledFrames(stride)).mapToObj(f -> node(f, tag)).toList();
    }
}
