package io.fixate.eval.synth;

import com.google.gson.JsonObject;
import io.fixate.api.InvalidOptionsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a seeded procedural audio-visual benchmark in the {@code fixate-benchmark/1} layout (see
 * {@code docs/synthetic-benchmark.md}):
 * <pre>
 *   dataset.json, Annotations.txt, trainSet.txt, valSet.txt, testSet.txt
 *   videos/&lt;id&gt;.mp4                          H.264 + AAC
 *   ground_truth/&lt;id&gt;/density_00000.png ...   16-bit grey, maximum 65535
 *   ground_truth/&lt;id&gt;/fixations.json, clip.json
 * </pre>
 * Every clip is planned from the seed and its place in the benchmark alone, so equal specs give identical ground
 * truth (density images, fixations, clip descriptions and lists); the videos hold the same pictures and sound, though
 * the encoder need not reproduce their bytes. The attention rule is documented on the package-private
 * {@code AttentionDensity} and in the documentation.
 *
 * <p>Writing order makes an interrupted run safe and resumable: {@code dataset.json} first, then each clip (complete
 * when its video exists), then the split lists and {@code Annotations.txt} last, so a benchmark is finished exactly
 * when {@code Annotations.txt} exists. Running again on the same directory with the same spec keeps the finished
 * clips and writes the rest.
 */
public final class BenchmarkGenerator {

    private BenchmarkGenerator() {
    }

    /**
     * Generates the benchmark {@code spec} describes into {@code root}.
     *
     * @param root      the benchmark directory; created if missing. If it is not empty it must hold a benchmark of
     *                  the same spec (its finished clips are kept), unless {@code overwrite} is set
     * @param overwrite whether to replace whatever benchmark layout {@code root} holds; other files there are left
     * @param progress  told about every finished frame
     * @throws InvalidOptionsException if {@code root} is a file, or a non-empty directory of something else than this
     *                                 benchmark and {@code overwrite} is false
     * @throws IOException             naming the file that could not be written
     */
    public static GenerationResult generate(Path root, BenchmarkSpec spec, boolean overwrite,
                                            ProgressListener progress) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        JsonObject dataset = BenchmarkFiles.dataset(spec);
        boolean resuming = BenchmarkDirectory.prepare(root, dataset, overwrite);
        if (resuming) {
            BenchmarkDirectory.removeLeftovers(root);
            // unfinished again until every clip is checked
            Files.deleteIfExists(root.resolve(BenchmarkFiles.ANNOTATIONS));
        }
        BenchmarkDirectory.createDirectories(root.resolve(BenchmarkDirectory.VIDEOS));
        BenchmarkDirectory.createDirectories(root.resolve(BenchmarkDirectory.GROUND_TRUTH));
        BenchmarkFiles.writeAtomically(root.resolve(BenchmarkFiles.DATASET), BenchmarkFiles.pretty(dataset));

        ClipWriter writer = new ClipWriter(root);
        long framesTotal = (long) spec.clipCount() * spec.frameCount();
        long framesBefore = 0;
        int written = 0;
        int kept = 0;
        for (int category = 0; category < spec.categories(); category++) {
            for (int index = 0; index < spec.clipsPerCategory(); index++) {
                String id = ScenePlanner.videoId(spec, category, index);
                if (resuming && writer.isComplete(id)) {
                    kept++;
                } else {
                    long offset = framesBefore;
                    writer.write(ScenePlanner.plan(spec, category, index),
                            frames -> progress.update(offset + frames, framesTotal));
                    written++;
                }
                framesBefore += spec.frameCount();
                progress.update(framesBefore, framesTotal);
            }
        }
        writeLists(root, spec);
        return new GenerationResult(root, written, kept, framesTotal, sizeOf(root),
                (System.nanoTime() - start) / 1e9);
    }

    /** The split lists, then {@code Annotations.txt}, whose presence marks the benchmark finished. */
    private static void writeLists(Path root, BenchmarkSpec spec) throws IOException {
        Map<Splits.Split, List<BenchmarkFiles.ClipEntry>> splits = new EnumMap<>(Splits.Split.class);
        List<BenchmarkFiles.ClipEntry> all = new ArrayList<>();
        for (Splits.Split split : Splits.Split.values()) {
            splits.put(split, new ArrayList<>());
        }
        for (int category = 0; category < spec.categories(); category++) {
            String name = spec.categoryNames().get(category);
            for (int index = 0; index < spec.clipsPerCategory(); index++) {
                all.add(new BenchmarkFiles.ClipEntry(name, ScenePlanner.videoId(spec, category, index)));
            }
            for (Map.Entry<Splits.Split, List<Integer>> split : Splits.assign(spec, category).entrySet()) {
                for (int index : split.getValue()) {
                    splits.get(split.getKey())
                            .add(new BenchmarkFiles.ClipEntry(name, ScenePlanner.videoId(spec, category, index)));
                }
            }
        }
        for (Splits.Split split : Splits.Split.values()) {
            BenchmarkFiles.writeAtomically(root.resolve(split.fileName()),
                    BenchmarkFiles.aveList(splits.get(split), spec.clipSeconds()));
        }
        BenchmarkFiles.writeAtomically(root.resolve(BenchmarkFiles.ANNOTATIONS),
                BenchmarkFiles.aveList(all, spec.clipSeconds()));
    }

    private static long sizeOf(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
