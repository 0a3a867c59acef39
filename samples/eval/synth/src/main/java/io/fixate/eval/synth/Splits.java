package io.fixate.eval.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The train/val/test split, stratified by category: each category's clips are divided in the spec's proportions
 * (largest remainders, ties going to the later split, then a clip moved from the largest split to an empty test or val split whose fraction is
 * positive, when that leaves every split it takes from non-empty) and a seeded shuffle decides which clips go where.
 */
final class Splits {

    /** The splits with the AVE file each is written to. */
    enum Split {
        TRAIN("trainSet.txt"), VAL("valSet.txt"), TEST("testSet.txt");

        private final String fileName;

        Split(String fileName) {
            this.fileName = fileName;
        }

        String fileName() {
            return fileName;
        }
    }

    /** Salt that separates the split's random stream from the clips'. */
    private static final long SPLIT_SALT = 0x5EED_5917L;

    private Splits() {
    }

    /** For each split, the clip indices of category {@code categoryIndex} it takes, in ascending order. */
    static Map<Split, List<Integer>> assign(BenchmarkSpec spec, int categoryIndex) {
        int clips = spec.clipsPerCategory();
        int[] counts = counts(clips, new double[]{spec.trainFraction(), spec.valFraction(),
                1 - spec.trainFraction() - spec.valFraction()});
        int[] order = new int[clips];
        for (int i = 0; i < clips; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(
                ScenePlanner.mix(spec.seed() ^ SPLIT_SALT) ^ ScenePlanner.mix(categoryIndex));
        for (int i = clips - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Map<Split, List<Integer>> splits = new EnumMap<>(Split.class);
        int next = 0;
        for (Split split : Split.values()) {
            List<Integer> members = new ArrayList<>();
            for (int n = 0; n < counts[split.ordinal()]; n++) {
                members.add(order[next++]);
            }
            members.sort(null);
            splits.put(split, members);
        }
        return splits;
    }

    /** Clips per split (train, val, test) for {@code clips} clips and the given fractions. */
    static int[] counts(int clips, double[] fractions) {
        int[] counts = new int[fractions.length];
        double[] remainders = new double[fractions.length];
        int assigned = 0;
        for (int s = 0; s < fractions.length; s++) {
            double quota = Math.max(0, fractions[s]) * clips;
            counts[s] = (int) Math.floor(quota + 1e-9);
            remainders[s] = quota - counts[s];
            assigned += counts[s];
        }
        for (; assigned < clips; assigned++) {
            int best = fractions.length - 1;
            for (int s = fractions.length - 2; s >= 0; s--) {
                if (remainders[s] > remainders[best] + 1e-9) {
                    best = s;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        for (int s = fractions.length - 1; s > 0; s--) {
            if (counts[s] == 0 && fractions[s] > 1e-9) {
                int largest = 0;
                for (int o = 1; o < fractions.length; o++) {
                    if (counts[o] > counts[largest]) {
                        largest = o;
                    }
                }
                if (counts[largest] > 1) {
                    counts[largest]--;
                    counts[s]++;
                }
            }
        }
        return counts;
    }
}
