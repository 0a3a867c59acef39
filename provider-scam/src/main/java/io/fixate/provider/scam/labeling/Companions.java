package io.fixate.provider.scam.labeling;

import io.fixate.provider.scam.training.TrainingSample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Which nodes join a target in a SCAM+ graph (spec §1.1), the same rule in training and in labelling:
 * <ul>
 * <li>Short: S frames t − 1 and t + 1; ST triplets centred on t − 3 and t + 3 (frames t − 4…t − 2 and t + 2…t + 4);
 *     beyond the clip's ends the nearest frame stands in;</li>
 * <li>Long: n random frames of the same clip outside t − 4…t + 4 (S, SA), or triplets centred at least 6 frames away
 *     (ST); a clip too short for that gives its n farthest frames instead; clips under {@value #LONG_MIN_FRAMES}
 *     frames have no Long nets;</li>
 * <li>Cross: n random frames (or triplets) of another clip with the same tag.</li>
 * </ul>
 * Every node is labelled with the target's tag.
 */
public final class Companions {

    /** Clips shorter than this drop their Long nets (weight 0 in the fusion). */
    public static final int LONG_MIN_FRAMES = 7;

    private static final int SHORT_FRAME_STEP = 1;
    private static final int SHORT_TRIPLET_STEP = 3;
    /** Long frames lie outside t − 4…t + 4. */
    private static final int LONG_FRAME_GAP = 5;
    /** Long triplets are centred at f ≤ t − 6 or f ≥ t + 6. */
    private static final int LONG_TRIPLET_GAP = 6;

    private Companions() {
    }

    /** Whether a clip of {@code length} frames has the given net. */
    public static boolean applies(PlusSource net, int length) {
        return net.granularity() != Granularity.LONG || length >= LONG_MIN_FRAMES;
    }

    /**
     * The target at {@code frame} of {@code clip} with its companions for {@code net}.
     *
     * @param count  n, the companions of a Long or Cross net (Short always has two)
     * @param other  another clip with the same tag, read by Cross nets only (may be null for the others)
     * @param random the draws of Long and Cross
     */
    public static TrainingSample of(PlusSource net, ClipNodes clip, int frame, int tag, int count, ClipNodes other,
                                    SplittableRandom random) {
        List<TrainingSample> companions = new ArrayList<>();
        ClipNodes from = net.granularity() == Granularity.CROSS ? other : clip;
        for (int centre : centres(net, clip, frame, count, other, random)) {
            companions.add(from.node(centre, tag));
        }
        return clip.node(frame, tag).withCompanions(companions);
    }

    /** The companions' centre frames, in their clip (the target's, or {@code other} for Cross). */
    static int[] centres(PlusSource net, ClipNodes clip, int frame, int count, ClipNodes other,
                         SplittableRandom random) {
        boolean triplets = net.source() == Source.ST;
        return switch (net.granularity()) {
            case SHORT -> {
                int step = triplets ? SHORT_TRIPLET_STEP : SHORT_FRAME_STEP;
                yield new int[] {clamp(frame - step, clip.length()), clamp(frame + step, clip.length())};
            }
            case LONG -> far(clip.longCandidates(), frame, triplets ? LONG_TRIPLET_GAP : LONG_FRAME_GAP, count,
                    random);
            case CROSS -> {
                if (other == null) {
                    throw new IllegalArgumentException(net.id() + " needs another clip with the same tag");
                }
                yield random.ints(count, 0, other.length()).toArray();
            }
        };
    }

    /**
     * {@code count} candidates at least {@code gap} frames from {@code frame}, drawn with replacement; where none is
     * that far, the {@code count} farthest ones.
     */
    private static int[] far(int[] candidates, int frame, int gap, int count, SplittableRandom random) {
        if (candidates.length == 0) {
            throw new IllegalArgumentException("no frame to draw long-term companions from");
        }
        int[] allowed = Arrays.stream(candidates).filter(f -> Math.abs(f - frame) >= gap).toArray();
        if (allowed.length > 0) {
            return random.ints(count, 0, allowed.length).map(i -> allowed[i]).toArray();
        }
        Integer[] byDistance = Arrays.stream(candidates).boxed()
                .sorted(Comparator.comparingInt((Integer f) -> -Math.abs(f - frame)).thenComparingInt(f -> f))
                .toArray(Integer[]::new);
        return IntStream.range(0, count).map(i -> byDistance[Math.min(i, byDistance.length - 1)]).toArray();
    }

    private static int clamp(int frame, int length) {
        return Math.max(0, Math.min(length - 1, frame));
    }
}
