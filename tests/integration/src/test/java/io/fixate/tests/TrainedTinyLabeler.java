package io.fixate.tests;

import io.fixate.fixtures.TempFolders;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SCAM+ labeler (the SCAM nets and the + nets, so one folder serves {@code scam}, {@code cam} and {@code
 * scam-plus}) trained once per test JVM with {@code fixate train-labeler --labeler scam-plus} on the shared tiny
 * benchmark ({@link TinyBenchmark#shared}), with settings that make it quick (one epoch per net, small frames): enough
 * to exercise every stage, the manifests and labelling, not to label well. The folder is deleted when the JVM exits.
 */
final class TrainedTinyLabeler {

    /** The settings of the run, as {@code --set} arguments. */
    static final List<String> SETTINGS = List.of("--set", "epochs=1", "--set", "audio-epochs=1", "--set",
            "coarse-size=32", "--set", "fine-size=48", "--set", "batch=8", "--set", "plus-epochs=1");
    static final int SEED = 3;

    private static final Path WEIGHTS = TempFolders.deletedAtExit("fixate-tiny-labeler").resolve("weights");
    private static Cli training;

    private TrainedTinyLabeler() {
    }

    /** The benchmark the labeler was trained on. */
    static synchronized Path benchmark() {
        train();
        return TinyBenchmark.shared();
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
        return trainingArguments(TinyBenchmark.shared(), out, seed);
    }

    /** The arguments of a run with the same settings on another dataset. */
    static Object[] trainingArguments(Path dataset, Path out, int seed) {
        Stream<Object> head = Stream.of("train-labeler", "--labeler", "scam-plus", "--dataset", dataset, "--out", out,
                "--seed", seed, "--no-progress");
        return Stream.concat(head, SETTINGS.stream()).toArray();
    }

    private static void train() {
        if (training != null) {
            return;
        }
        training = Cli.run(trainingArguments(WEIGHTS, SEED)).assertSucceeded();
    }
}
