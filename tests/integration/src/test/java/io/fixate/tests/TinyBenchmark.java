package io.fixate.tests;

import io.fixate.eval.synth.BenchmarkGenerator;
import io.fixate.eval.synth.BenchmarkSpec;
import io.fixate.eval.synth.ProgressListener;
import io.fixate.fixtures.TempFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tiny preset of the synthetic benchmark with four clips per category, the fewest that give every split a clip,
 * written where a test wants it, and its split lists read back.
 */
final class TinyBenchmark {

    static final BenchmarkSpec SPEC = BenchmarkSpec.TINY.withClipsPerCategory(4);

    private static Path shared;

    private TinyBenchmark() {
    }

    static Path generate(Path root) throws IOException {
        return generate(root, SPEC);
    }

    static Path generate(Path root, BenchmarkSpec spec) throws IOException {
        BenchmarkGenerator.generate(root, spec, false, ProgressListener.NONE);
        return root;
    }

    /**
     * One copy for every test of the JVM that only reads it, generated on first use and deleted when the JVM exits;
     * a test that changes a benchmark generates its own.
     */
    static synchronized Path shared() {
        if (shared == null) {
            try {
                shared = generate(TempFolders.deletedAtExit("fixate-tiny-benchmark").resolve("benchmark"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The video ids a split file ({@code trainSet.txt}, ...) lists, read as the AVE format defines it. */
    static List<String> idsOf(Path root, String splitFile) {
        try {
            return Files.readAllLines(root.resolve(splitFile)).stream().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split("&")[1]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
