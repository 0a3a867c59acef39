package io.fixate.eval.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulated observers: each frame, every observer fixates one pixel drawn independently from the frame's density,
 * by inverse transform sampling over the row-major pixels.
 */
final class ObserverSampler {

    private ObserverSampler() {
    }

    /**
     * {@code count} fixations as {@code {x, y}} pixel coordinates (0-based column and row).
     *
     * @param density non-negative values of a {@code width}-wide frame, not all zero
     */
    static int[][] sample(double[] density, int width, int count, SplittableRandom random) {
        double[] cumulative = new double[density.length];
        double total = 0;
        for (int i = 0; i < density.length; i++) {
            total += density[i];
            cumulative[i] = total;
        }
        int[][] points = new int[count][];
        for (int n = 0; n < count; n++) {
            double target = random.nextDouble() * total;
            int index = Arrays.binarySearch(cumulative, target);
            // binarySearch gives -(insertion point) - 1 for a miss: the first pixel whose cumulative mass exceeds it
            int pixel = Math.min(density.length - 1, index >= 0 ? index + 1 : -index - 1);
            points[n] = new int[]{pixel % width, pixel / width};
        }
        return points;
    }
}
