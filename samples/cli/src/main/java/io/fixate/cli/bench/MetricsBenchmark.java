package io.fixate.cli.bench;

import io.fixate.eval.metrics.Grid;
import io.fixate.eval.metrics.Metric;
import io.fixate.eval.metrics.MetricOptions;
import io.fixate.eval.metrics.MetricSuite;

import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throughput of {@link MetricSuite} (all six MIT metrics per frame) on 356 × 356 frames: a random prediction, a
 * smooth ground-truth density, 20 fixations and 200 shuffled-AUC candidates. Prints frames per second after a
 * warm-up, for a prediction already at the ground truth's size and for one that must be resized from 224 × 224.
 * Run with {@code ./fixate bench-metrics}.
 */
public final class MetricsBenchmark {

    private static final int SIZE = 356;
    private static final int FIXATIONS = 20;
    private static final int CANDIDATES = 200;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 4_000_000_000L;

    private MetricsBenchmark() {
    }

    /** Runs the measurement and prints one line per prediction size to {@code out}. */
    public static void run(PrintStream out) {
        SplittableRandom random = new SplittableRandom(1);
        Grid density = smoothDensity(random);
        Grid fixations = scattered(random, FIXATIONS);
        Grid others = scattered(random, CANDIDATES);
        MetricSuite suite = new MetricSuite(MetricOptions.mit());
        for (int predictionSize : new int[] {SIZE, 224}) {
            Grid prediction = noise(random, predictionSize);
            measure(suite, prediction, density, fixations, others, WARM_UP_NANOS);
            double fps = measure(suite, prediction, density, fixations, others, MEASURE_NANOS);
            out.printf(Locale.ROOT, "prediction %dx%d, ground truth %dx%d: %.1f frames/s (all six metrics)%n",
                    predictionSize, predictionSize, SIZE, SIZE, fps);
        }
    }

    /** Frames per second over at least {@code nanos}. */
    private static double measure(MetricSuite suite, Grid prediction, Grid density, Grid fixations, Grid others,
                              long nanos) {
        long start = System.nanoTime();
        long frames = 0;
        double sink = 0;
        long elapsed;
        do {
            sink += suite.evaluate(prediction, density, fixations, others).value(Metric.NSS);
            frames++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        if (Double.isInfinite(sink)) { // keeps the JIT from dropping the evaluation
            throw new IllegalStateException("NSS was infinite");
        }
        return frames * 1e9 / elapsed;
    }

    private static Grid noise(SplittableRandom random, int size) {
        double[] values = new double[size * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Grid.of(size, size, values);
    }

    /** A few Gaussian blobs, like a blurred fixation map. */
    private static Grid smoothDensity(SplittableRandom random) {
        double[] values = new double[SIZE * SIZE];
        for (int blob = 0; blob < 5; blob++) {
            double cx = random.nextDouble(SIZE);
            double cy = random.nextDouble(SIZE);
            double sigma = 10 + random.nextDouble(20);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    values[y * SIZE + x] += Math.exp(-d2 / (2 * sigma * sigma));
                }
            }
        }
        return Grid.of(SIZE, SIZE, values);
    }

    private static Grid scattered(SplittableRandom random, int count) {
        double[] values = new double[SIZE * SIZE];
        int placed = 0;
        while (placed < count) {
            int pixel = random.nextInt(values.length);
            if (values[pixel] == 0) {
                values[pixel] = 1;
                placed++;
            }
        }
        return Grid.of(SIZE, SIZE, values);
    }
}
