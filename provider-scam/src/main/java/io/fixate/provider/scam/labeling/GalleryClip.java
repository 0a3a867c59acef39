package io.fixate.provider.scam.labeling;

import io.fixate.provider.scam.training.TrainingSample;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a labeler keeps of one training clip for its Cross nets: a few fragments (a frame with its neighbours and its
 * audio window, frames squashed to the nets' size), which stand in for the clip as a {@link ClipNodes} whose frames
 * are the fragments. At labelling time {@code label(clip, tags)} sees no other clip, so Cross companions come from
 * these.
 *
 * @param fragments the fragments, tags ignored
 */
public record GalleryClip(List<TrainingSample> fragments) implements ClipNodes {

    public GalleryClip {
        if (fragments.isEmpty()) {
            throw new IllegalArgumentException("a gallery clip needs at least one fragment");
        }
        fragments = List.copyOf(fragments);
    }

    @Override
    public int length() {
        return fragments.size();
    }

    @Override
    public TrainingSample node(int frame, int tag) {
        TrainingSample fragment = fragments.get(frame);
        return new TrainingSample(fragment.previous(), fragment.current(), fragment.next(), fragment.audio(), tag);
    }

    @Override
    public int[] longCandidates() {
        return IntStream.range(0, fragments.size()).toArray();
    }
}
