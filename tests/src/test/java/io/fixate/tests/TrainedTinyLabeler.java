package io.fixate.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SCAM labeler trained once per test JVM with {@code fixate train-labeler} on the tiny benchmark, with settings
 * that make it quick (one epoch per net, small frames): enough to exercise every stage, the manifest and labelling,
 * not to label well. The folder is deleted when the JVM exits.
 */
final class TrainedTinyLabeler {

    /** The settings of the run, as {@code --set} arguments. */
    static final List<String> SETTINGS = List.of("--set", "epochs=1", "--set", "audio-epochs=1", "--set",
            "coarse-size=32", "--set", "fine-size=48", "--set", "batch=8");
    static final int SEED = 3;

    private static final Path ROOT = createRoot();
    private static final Path BENCHMARK = ROOT.resolve("benchmark");
    private static final Path WEIGHTS = ROOT.resolve("weights");
    private static Cli training;

    private TrainedTinyLabeler() {
    }

    /** The benchmark the labeler was trained on. */
    static synchronized Path benchmark() {
        train();
        return BENCHMARK;
    }

    /** The trained labeler's folder, to pass as weights. */
    static synchronized Path weights() {
        train();
        return WEIGHTS;
    }

    /** What the training run printed. */
    static synchronized Cli training() {
        train();
        return training;
    }

    /** The arguments of the training run, with {@code out} as its output folder and {@code seed}. */
    static Object[] trainingArguments(Path out, int seed) {
        return trainingArguments(BENCHMARK, out, seed);
    }

    /** The arguments of a run with the same settings on another dataset. */
    static Object[] trainingArguments(Path dataset, Path out, int seed) {
        Stream<Object> head = Stream.of("train-labeler", "--dataset", dataset, "--out", out, "--seed", seed,
                "--no-progress");
        return Stream.concat(head, SETTINGS.stream()).toArray();
    }

    private static void train() {
        if (training != null) {
            return;
        }
        try {
            TinyBenchmark.generate(BENCHMARK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        training = Cli.run(trainingArguments(WEIGHTS, SEED)).assertSucceeded();
    }

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("fixate-tiny-labeler");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: a temp folder left behind is harmless
        }
    }
}
