package io.fixate.provider.scam.audio;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The paper's automatic switch labels: a fragment (one frame and its audio window) is audio-relevant, label 1, iff an
 * audio-only classifier's top-1 class is the clip's tag, else 0; and the reference's balancing of a switch training
 * set, which keeps every positive and a seeded random subset of as many negatives.
 */
public final class SwitchLabels {

    /** Label of a fragment whose audio matches the clip's tag. */
    public static final int RELEVANT = SoundSwitch.RELEVANT;
    /** Label of a fragment whose audio does not. */
    public static final int IRRELEVANT = 1 - RELEVANT;

    private SwitchLabels() {
    }

    /** The rule for one fragment. */
    public static int label(int predictedClass, int tag) {
        return predictedClass == tag ? RELEVANT : IRRELEVANT;
    }

    /**
     * The labels of a batch from the audio classifier's (B, classes) logits and the clips' tags.
     *
     * @throws IllegalArgumentException when there is not one tag per row of logits
     */
    public static int[] fromLogits(NDArray logits, int[] tags) {
        long[] predicted = logits.argMax(1).toLongArray();
        if (predicted.length != tags.length) {
            throw new IllegalArgumentException(predicted.length + " rows of logits but " + tags.length + " tags");
        }
        int[] labels = new int[tags.length];
        for (int i = 0; i < tags.length; i++) {
            labels[i] = label((int) predicted[i], tags[i]);
        }
        return labels;
    }

    /**
     * The reference's balanced training set: all relevant samples and, drawn with {@code seed}, as many irrelevant
     * ones, in their original order. Where there are fewer irrelevant samples than relevant ones all are kept (the
     * reference's {@code random.sample} would fail there instead).
     */
    public static <T> List<T> balanced(List<T> samples, Predicate<? super T> relevant, long seed) {
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!relevant.test(samples.get(i))) {
                negatives.add(i);
            }
        }
        int positives = samples.size() - negatives.size();
        BitSet dropped = new BitSet(samples.size());
        SplittableRandom random = new SplittableRandom(seed);
        // Draws the negatives to drop without replacement: a partial Fisher–Yates shuffle of their indices.
        for (int remaining = negatives.size(); remaining > positives; remaining--) {
            int pick = random.nextInt(remaining);
            dropped.set(negatives.get(pick));
            negatives.set(pick, negatives.get(remaining - 1));
        }
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!dropped.get(i)) {
                kept.add(samples.get(i));
            }
        }
        return kept;
    }
}
