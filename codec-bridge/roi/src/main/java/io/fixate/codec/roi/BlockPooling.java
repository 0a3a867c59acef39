package io.fixate.codec.roi;

import io.fixate.api.InvalidOptionsException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the attention inside one encoder block becomes the block's value.
 *
 * @param kind       the reduction
 * @param percentile for {@link Kind#PERCENTILE}, the percentile of the block's samples taken, in (0, 100]; 0 otherwise
 */
public record BlockPooling(Kind kind, double percentile) {

    /** The reductions. */
    public enum Kind {
        /** How much attention the block holds on average: a face filling a quarter of a block counts a quarter. */
        MEAN,
        /** Whether any part of the block is looked at: keeps small details, widens salient areas by up to a block. */
        MAX,
        /** Between the two: the block counts as looked at when a given share of it is. */
        PERCENTILE
    }

    public BlockPooling {
        if (kind == null) {
            throw new InvalidOptionsException("block pooling needs a kind");
        }
        if (kind == Kind.PERCENTILE ? !(percentile > 0 && percentile <= 100) : percentile != 0) {
            throw new InvalidOptionsException(kind == Kind.PERCENTILE
                    ? "the pooling percentile must be in (0, 100], got " + percentile
                    : kind + " pooling takes no percentile");
        }
    }

    public static BlockPooling mean() {
        return new BlockPooling(Kind.MEAN, 0);
    }

    public static BlockPooling max() {
        return new BlockPooling(Kind.MAX, 0);
    }

    /** The {@code percentile}-th percentile of the block's samples: 90 means "the top tenth of the block". */
    public static BlockPooling percentile(double percentile) {
        return new BlockPooling(Kind.PERCENTILE, percentile);
    }

    /**
     * Parses {@code mean}, {@code max} or {@code pNN} (e.g. {@code p90}), the spelling of the command line.
     *
     * @throws InvalidOptionsException naming the accepted spellings
     */
    public static BlockPooling parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (name.equals("mean")) {
            return mean();
        }
        if (name.equals("max")) {
            return max();
        }
        if (name.matches("p[0-9]+(\\.[0-9]+)?")) {
            return percentile(Double.parseDouble(name.substring(1)));
        }
        throw new InvalidOptionsException("unknown block pooling '" + text + "': use mean, max or pNN (e.g. p90)");
    }

    /** Reduces the samples of one block; {@code samples} may be reordered. */
    float pool(float[] samples, int count) {
        switch (kind) {
            case MAX -> {
                float max = 0;
                for (int i = 0; i < count; i++) {
                    max = Math.max(max, samples[i]);
                }
                return max;
            }
            case PERCENTILE -> {
                Arrays.sort(samples, 0, count);
                int rank = (int) Math.ceil(percentile / 100 * count) - 1;
                return samples[Math.max(0, rank)];
            }
            default -> {
                double sum = 0;
                for (int i = 0; i < count; i++) {
                    sum += samples[i];
                }
                return (float) (sum / count);
            }
        }
    }

    /** The spelling {@link #parse} reads. */
    @Override
    public String toString() {
        if (kind != Kind.PERCENTILE) {
            return kind.name().toLowerCase(Locale.ROOT);
        }
        return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : percentile);
    }
}
