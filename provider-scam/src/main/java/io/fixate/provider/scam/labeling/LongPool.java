package io.fixate.provider.scam.labeling;

import io.fixate.api.AudioBlock;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.maps.SquashedFrame;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a SCAM+ labelling pass keeps of a whole clip for the Long nets: every stride-th frame as a candidate centre,
 * with its neighbours (the triplets of ST+ Long) and its audio window, frames squashed to the nets' size. The stride
 * doubles whenever more than {@value #CAPACITY} candidates would be kept, so memory is bounded whatever the clip's
 * length, and the candidates stay spread evenly over it. Deterministic: the same clip keeps the same frames.
 */
final class LongPool {

    /** Most candidate centres kept. */
    static final int CAPACITY = 64;

    private final int side;
    private final TreeMap<Integer, VideoFrame> frames = new TreeMap<>();
    private final Map<Integer, AudioBlock> audio = new HashMap<>();
    private int stride = 1;
    private int length;

    /** @param side the square side the frames are kept at */
    LongPool(int side) {
        this.side = side;
    }

    /** Takes the clip's next frame. */
    void add(FrameWithAudio frame) {
        int index = length++;
        if (needed(index)) {
            frames.put(index, SquashedFrame.of(frame.frame(), side));
            if (index % stride == 0) {
                audio.put(index, frame.audio());
            }
        }
        if (audio.size() > CAPACITY) {
            stride *= 2;
            frames.keySet().removeIf(kept -> !needed(kept));
            audio.keySet().removeIf(kept -> kept % stride != 0);
        }
    }

    /** Frames seen. */
    int length() {
        return length;
    }

    /** The candidate centres, in increasing order. */
    int[] centres() {
        return audio.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Whether {@code frame} is a candidate centre. */
    boolean holds(int frame) {
        return audio.containsKey(frame);
    }

    /** A kept frame: a candidate centre or its neighbour. */
    VideoFrame frame(int frame) {
        return frames.get(frame);
    }

    AudioBlock audio(int frame) {
        return audio.get(frame);
    }

    /** Whether a frame is a centre or a centre's neighbour under the current stride. */
    private boolean needed(int index) {
        return index % stride == 0 || (index - 1) % stride == 0 || (index + 1) % stride == 0;
    }
}
