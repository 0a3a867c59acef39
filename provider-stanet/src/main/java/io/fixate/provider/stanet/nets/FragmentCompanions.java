package io.fixate.provider.stanet.nets;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Which fragments STA+ reasons over with a target fragment (t − 1, t, t + 1), by their centre frames (spec §2):
 * STA+Short's companions are centred {@value #SHORT_OFFSET} frames before and after t, fragments (t − 4, t − 3, t − 2)
 * and (t + 2, t + 3, t + 4); STA+Long's are two fragments of the same clip centred at least {@value #LONG_DISTANCE}
 * frames away, drawn at random in training. A clip too short for that rule relaxes it to its frames farthest from t;
 * frames beyond a clip's ends are its edge frames (edge replication), as everywhere in the SDK.
 */
public final class FragmentCompanions {

    /** Distance in frames of STA+Short's companion centres from the target's. */
    public static final int SHORT_OFFSET = 3;
    /** The least distance in frames of STA+Long's companion centres from the target's. */
    public static final int LONG_DISTANCE = 6;
    /** The farthest frame STA+Short reads on either side of the target: its look-ahead. */
    public static final int SHORT_REACH = SHORT_OFFSET + 1;

    private FragmentCompanions() {
    }

    /** {@code index} moved into a clip of {@code frames} frames (edge replication). */
    public static int clamped(int index, int frames) {
        return Math.max(0, Math.min(frames - 1, index));
    }

    /** The centres of STA+Short's three nodes, the target first, in a clip of {@code frames} frames. */
    public static int[] shortCentres(int target, int frames) {
        return new int[] {target, clamped(target - SHORT_OFFSET, frames), clamped(target + SHORT_OFFSET, frames)};
    }

    /**
     * The centres STA+Long may draw its companions from: those at least {@value #LONG_DISTANCE} frames from {@code
     * target}, or where the clip has none, its frames farthest from it (the target itself in a one-frame clip).
     */
    public static int[] longCandidates(int target, int frames) {
        int[] far = IntStream.range(0, frames).filter(f -> Math.abs(f - target) >= LONG_DISTANCE).toArray();
        if (far.length > 0) {
            return far;
        }
        int farthest = Math.max(target, frames - 1 - target);
        return IntStream.range(0, frames).filter(f -> Math.abs(f - target) == farthest).toArray();
    }

    /** STA+Long's two companion centres drawn from {@link #longCandidates}, different ones where there are two. */
    public static int[] drawLong(int target, int frames, SplittableRandom random) {
        int[] candidates = longCandidates(target, frames);
        int first = random.nextInt(candidates.length);
        if (candidates.length == 1) {
            return new int[] {candidates[0], candidates[0]};
        }
        int second = random.nextInt(candidates.length - 1);
        return new int[] {candidates[first], candidates[second >= first ? second + 1 : second]};
    }
}
