package io.fixate.cli.command;

import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.cli.ExitCode;
import io.fixate.cli.bench.LiveSyntheticSource;
import io.fixate.cli.bench.ResidentMemory;
import io.fixate.cli.bench.SyntheticInput;
import io.fixate.cli.option.PredictorChoice;
import io.fixate.codec.output.HeatmapStyle;
import io.fixate.codec.output.HeatmapVideoWriter;
import io.fixate.codec.output.VideoEncoding;
import io.fixate.eval.synth.BenchmarkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fixate bench-memory}: streams a long generated clip through predict's pipeline into a heatmap video (deleted
 * afterwards) and watches the JVM's resident
 * memory, which must stay flat however long the clip: per-frame native memory that is not released shows up here.
 */
@Command(name = "bench-memory", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Stream MINUTES of a generated 640x360 25 fps clip with sound (a scene of the synthetic benchmark, repeated) "
                + "through predict's pipeline (decode, model and heatmap video in their own threads) at the clip's "
                + "own pace (as a live source; a slower model takes frames as fast as it can), sample the JVM's "
                + "resident memory (VmRSS) every S seconds of wall time from the first S on, and print first, peak, "
                + "last and whether it stayed flat (last < first + 10 %%, and the second half not rising at every "
                + "sample fast enough to add 10 %% within an hour). Each sample also shows the Java heap's committed "
                + "size, the part of RSS that the garbage collector sizes to the allocation rate, not to live data."})
public final class BenchMemoryCommand implements Callable<Integer> {

    private static final double KIB_PER_MIB = 1024;
    private static final double BYTES_PER_KIB = 1024;
    private static final MemoryMXBean HEAP = ManagementFactory.getMemoryMXBean();

    @Spec
    CommandSpec spec;

    @Mixin
    PredictorChoice predictor;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10",
            description = "Length of the generated clip. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--sample-seconds", paramLabel = "S", defaultValue = "30",
            description = "Wall time between memory samples. Default: ${DEFAULT-VALUE}.")
    double sampleSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (sampleSeconds <= 0 || minutes * 60 < 2 * sampleSeconds) {
            throw new InvalidOptionsException("--minutes must last at least two samples of --sample-seconds > 0, got "
                    + minutes + " min and " + sampleSeconds + " s");
        }
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkSpec clip = SyntheticInput.footage().spec();
        long frames = Math.round(minutes * 60 * clip.frameRate());
        long interval = Math.round(sampleSeconds * 1e9);
        List<Long> samples = new ArrayList<>();
        List<Long> heapSamples = new ArrayList<>();
        Path heatmapFile = Files.createTempFile("fixate-bench-memory-", ".mp4");
        try (FixationPredictor opened = predictor.open();
             LiveSyntheticSource source = new LiveSyntheticSource(frames, opened.info().capabilities().audio())) {
            out.printf(Locale.ROOT, "%s: %d frames (%.1f min at %.0f fps, %dx%d) through predict's pipeline into a "
                            + "heatmap video, RSS every %.0f s%n", opened.info().name(), frames, minutes,
                    clip.frameRate(), clip.width(), clip.height(), sampleSeconds);
            HeatmapVideoWriter heatmap = HeatmapVideoWriter.open(heatmapFile, source.info().withoutAudio(),
                    HeatmapStyle.DEFAULT, VideoEncoding.fastest());
            long start = System.nanoTime();
            // The first sample waits one interval, so that the model's lazy set-up and the heap's growth to its
            // working size are in the baseline rather than counted as growth.
            long[] nextSample = {start + interval};
            long[] sampledFrames = {0};
            int maps;
            try {
                maps = PredictionLoop.run(opened, source, (index, frame, map) -> {
                    heatmap.write(frame, map);
                    if (System.nanoTime() >= nextSample[0]) {
                        sample(out, samples, heapSamples, start, index + 1);
                        nextSample[0] += interval;
                        sampledFrames[0] = index + 1;
                    }
                }, null, "the generated stream failed");
                heatmap.close();
            } catch (IOException | RuntimeException e) {
                heatmap.abort();
                throw e;
            }
            if (sampledFrames[0] < maps) {
                sample(out, samples, heapSamples, start, maps);
            }
            out.printf(Locale.ROOT, "%d maps in %.1f s%n", maps, (System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(heatmapFile);
        }
        long first = samples.get(0);
        long last = samples.get(samples.size() - 1);
        boolean flat = ResidentMemory.isFlat(samples, sampleSeconds);
        out.printf(Locale.ROOT, "RSS first %.0f MiB, peak %.0f MiB, last %.0f MiB (%+.1f %%; second half %+.1f MiB "
                        + "per hour): %s%n", mib(first), mib(Collections.max(samples)), mib(last),
                100.0 * (last - first) / first, mib(ResidentMemory.secondHalfRisePerHour(samples, sampleSeconds)),
                flat ? "flat" : "GROWING");
        // The collector grows the committed heap when it collects often, so two runs of the same model can settle at
        // levels hundreds of MiB apart with the same few MiB of live data; this line tells that apart from native use.
        out.printf(Locale.ROOT, "Java heap committed: first %.0f MiB, last %.0f MiB (sized by the collector; "
                        + "-Xmx caps it)%n", mib(heapSamples.get(0)), mib(heapSamples.get(heapSamples.size() - 1)));
        out.flush();
        return flat ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static void sample(PrintWriter out, List<Long> samples, List<Long> heapSamples, long start,
                               long framesDone) throws IOException {
        long resident = ResidentMemory.kibibytes();
        long heap = Math.round(HEAP.getHeapMemoryUsage().getCommitted() / BYTES_PER_KIB);
        samples.add(resident);
        heapSamples.add(heap);
        out.printf(Locale.ROOT, "  %7.1f s  frame %7d  RSS %6.0f MiB  (heap committed %5.0f MiB)%n",
                (System.nanoTime() - start) / 1e9, framesDone, mib(resident), mib(heap));
        out.flush();
    }

    private static double mib(double kibibytes) {
        return kibibytes / KIB_PER_MIB;
    }
}
