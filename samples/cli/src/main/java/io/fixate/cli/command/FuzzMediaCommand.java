package io.fixate.cli.command;

import io.fixate.api.InvalidOptionsException;
import io.fixate.api.UnreadableInputException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.ProgressBar;
import io.fixate.cli.fuzz.FuzzResult.Outcome;
import io.fixate.cli.fuzz.FuzzResult;
import io.fixate.cli.fuzz.FuzzRunner;
import io.fixate.cli.fuzz.FuzzWorker;
import io.fixate.cli.fuzz.MediaMutator.Mutant;
import io.fixate.cli.fuzz.MediaMutator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code fixate fuzz-media}: mutates seed clips ({@link MediaMutator}) and decodes every case to the end in child
 * JVMs ({@link FuzzRunner}, {@link FuzzWorker}), to find what makes the media reader fail other than with its typed
 * errors. It is a tool to run by hand, not a test: see docs/robustness.md.
 */
@Command(name = "fuzz-media", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Damage SEED_CLIPs in seeded random ways (bit flips, overwritten runs, truncation, inserted and deleted "
                + "chunks, and surgery on MP4/MOV boxes, AVI chunks and Matroska/WebM elements: sizes, types, sample "
                + "tables, frame counts, picture sizes, durations, rates, swapped streams), decode each case to the "
                + "end in child JVMs, and print how many decoded, were refused with a typed error (by class), hung, "
                + "killed their JVM or threw an untyped exception.",
        "The files of the last three, failures.txt (with a replay command for each) and crash logs stay in DIR. "
                + "Exits 7 when a case hung, killed its JVM or threw an untyped exception. See docs/robustness.md."})
public final class FuzzMediaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEED_CLIP", arity = "1..*",
            description = "Clips to mutate, in turn: case n is made from clip (n - 1) mod (number of clips).")
    List<Path> seedClips;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "1000",
            description = "Cases to make and decode. Default: ${DEFAULT-VALUE}.")
    int cases;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the mutations: the same seed, clips and case number give the same case. "
                    + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "New or empty folder for the cases, failures.txt and crash logs. Default: a new "
                    + "temporary folder.")
    Path out;

    @Option(names = "--per-child", paramLabel = "N", defaultValue = "50",
            description = "Cases decoded by one child JVM before a fresh one takes over. Default: ${DEFAULT-VALUE}.")
    int perChild;

    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "20",
            description = "Seconds a case may take before it counts as a hang. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--keep-all", description = "Keep the files of the cases that passed as well.")
    boolean keepAll;

    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Integer> typedErrors = new TreeMap<>();

    /** A seed clip's bytes, and the extension its cases keep so that FFmpeg's probe sees what it would. */
    private record SeedClip(Path path, byte[] bytes, String extension) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (cases < 1 || perChild < 1 || timeoutSeconds < 1) {
            throw new InvalidOptionsException("--cases, --per-child and --timeout-s must be at least 1, got "
                    + cases + ", " + perChild + " and " + timeoutSeconds);
        }
        List<SeedClip> clips = new ArrayList<>();
        for (Path clip : seedClips) {
            clips.add(UnreadableInputException.whileReading(() -> read(clip)));
        }
        Path dir = caseFolder();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, "fuzz-media", "cases", cases, System.console() != null);
        long start = System.nanoTime();
        int failures = 0;
        try (FuzzRunner runner = new FuzzRunner(FuzzWorker.class.getName(), FuzzRunner.currentClassPath(), dir,
                Duration.ofSeconds(timeoutSeconds), perChild);
             BufferedWriter failureList = Files.newBufferedWriter(dir.resolve("failures.txt"))) {
            for (int number = 1; number <= cases; number++) {
                SeedClip clip = clips.get((number - 1) % clips.size());
                Mutant mutant = MediaMutator.mutate(clip.bytes(), seed, number);
                Path file = dir.resolve(String.format(Locale.ROOT, "case_%05d.%s", number, clip.extension()));
                Files.write(file, mutant.bytes());
                FuzzResult result = runner.run(file);
                count(result);
                if (result.isFailure()) {
                    failures++;
                    record(failureList, file, clip, mutant, result, runner.replayCommand(file));
                } else if (!keepAll) {
                    Files.delete(file);
                }
                progress.update(number, file.getFileName() + ", " + failures + " failed");
            }
        }
        progress.finish();
        report(clips.size(), (System.nanoTime() - start) / 1e9, dir, failures);
        return failures == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static SeedClip read(Path clip) {
        try {
            String name = clip.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return new SeedClip(clip, Files.readAllBytes(clip),
                    dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --out}, created if missing, refused if it holds anything (an earlier run's cases would mix in). */
    private Path caseFolder() throws IOException {
        if (out == null) {
            return Files.createTempDirectory("fixate-fuzz-");
        }
        Path dir = Files.createDirectories(out).toAbsolutePath();
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new InvalidOptionsException("--out " + out + " is not empty; give a new or empty folder, so "
                        + "that this run's cases and failures.txt are not mixed with another's");
            }
        }
        return dir;
    }

    private void count(FuzzResult result) {
        outcomes.merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == Outcome.TYPED) {
            String type = result.detail();
            typedErrors.merge(type.substring(type.lastIndexOf('.') + 1), 1, Integer::sum);
        }
    }

    /** Appends a failure to failures.txt at once, so that an interrupted run keeps what it found. */
    private static void record(BufferedWriter failures, Path file, SeedClip clip, Mutant mutant, FuzzResult result,
                               String replay) throws IOException {
        failures.write(file.getFileName() + ": " + result.outcome() + " " + result.detail() + "\n");
        failures.write("  seed clip: " + clip.path().toAbsolutePath() + "\n");
        failures.write("  mutations: " + String.join("; ", mutant.mutations()) + "\n");
        failures.write("  replay:    " + replay + "\n");
        for (String line : result.evidence()) {
            failures.write("    " + line + "\n");
        }
        failures.write("\n");
        failures.flush();
    }

    private void report(int clips, double seconds, Path dir, int failures) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "fuzz-media: %d cases from %d seed clip%s, seed %d, in %.1f s (%.2f cases/s)%n",
                cases, clips, clips == 1 ? "" : "s", seed, seconds, cases / seconds);
        stdout.printf(Locale.ROOT, "%-34s %7s %7s%n", "outcome", "cases", "%");
        row(stdout, "decoded to the end", outcomes.getOrDefault(Outcome.OK, 0));
        row(stdout, "typed errors", outcomes.getOrDefault(Outcome.TYPED, 0));
        typedErrors.forEach((type, count) -> row(stdout, "  " + type, count));
        row(stdout, "JVM deaths", outcomes.getOrDefault(Outcome.DEATH, 0));
        row(stdout, "hangs", outcomes.getOrDefault(Outcome.HANG, 0));
        row(stdout, "untyped exceptions", outcomes.getOrDefault(Outcome.UNTYPED, 0));
        row(stdout, "all cases", cases);
        stdout.println(failures == 0 ? "no failures (folder " + dir + ")"
                : failures + " failure" + (failures == 1 ? "" : "s") + ": " + dir.resolve("failures.txt"));
        stdout.flush();
    }

    private void row(PrintWriter stdout, String label, int count) {
        stdout.printf(Locale.ROOT, "%-34s %7d %7.1f%n", label, count, 100.0 * count / cases);
    }
}
