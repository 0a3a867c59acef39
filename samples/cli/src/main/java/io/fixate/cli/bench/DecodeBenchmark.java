package io.fixate.cli.bench;

import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Measures how fast {@link MediaReader} turns a file into frames with audio windows (default
 * {@link io.fixate.api.AudioRequirement}), and compares it with the system {@code ffmpeg} decoding the same file to
 * raw RGB on one thread ({@code ffmpeg -v error -threads 1 -i FILE -f rawvideo -pix_fmt rgb24 -y /dev/null}). The
 * reader repeats whole passes over the file for the time asked; ffmpeg loops over the file ({@code -stream_loop})
 * about as long in one process, so that its start-up does not count against it on short clips. Frames are counted as
 * the reader delivers them. FFmpeg inside the reader picks its own decoder thread count, so the reader's CPU time is
 * printed too.
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {
    }

    /** Runs the comparison on {@code file} for at least {@code seconds} per side; prints the figures to {@code out}. */
    public static void run(Path file, double seconds, PrintStream out) throws IOException, InterruptedException {
        ReadOptions options = ReadOptions.DEFAULT;

        MediaInfo info;
        try (MediaReader reader = MediaReader.open(file, options)) {
            info = reader.info();
        }
        long framesPerPass = readFrames(file, options); // also warms up the JIT and loads FFmpeg
        out.printf(Locale.ROOT, "%s: %dx%d, %.2f fps, %.2f s, %d frames, audio %s%n", file, info.width(),
                info.height(), info.frameRate(), info.durationMicros() / 1e6, framesPerPass,
                info.hasAudio() ? info.audioSampleRate() + " Hz x" + info.audioChannels() : "none");

        Rate ours = timeReader(file, options, seconds);
        ours.print(out, "Fixate MediaReader -> FrameWithAudio");

        Optional<Path> ffmpeg = findOnPath("ffmpeg");
        if (ffmpeg.isEmpty()) {
            out.println("ffmpeg is not on the PATH; no comparison");
            return;
        }
        Rate onePass = timeFfmpeg(ffmpeg.get(), file, 0, framesPerPass);
        onePass.print(out, "ffmpeg, one pass incl. process start");
        Rate reference = onePass;
        long extraLoops = 0;
        // Each try aims past the target from the previous one's speed; start-up makes the first estimate short.
        while (reference.nanos() < seconds * 1e9) {
            double passSeconds = reference.nanos() / 1e9 / (extraLoops + 1);
            extraLoops = Math.max(extraLoops + 1, (long) Math.ceil(1.1 * seconds / passSeconds) - 1);
            reference = timeFfmpeg(ffmpeg.get(), file, extraLoops, framesPerPass);
        }
        reference.print(out, "ffmpeg -threads 1 -> rgb24 /dev/null");
        out.printf(Locale.ROOT, "ratio: %.2f (Fixate fps / ffmpeg fps)%n", ours.fps() / reference.fps());
    }

    /** One timed side of the comparison; {@code cpuNanos} is negative where unknown. */
    private record Rate(long frames, long nanos, long cpuNanos) {
        double fps() {
            return frames / (nanos / 1e9);
        }

        void print(PrintStream out, String label) {
            String cpu = cpuNanos < 0 ? "" : String.format(Locale.ROOT, ", cpu %.2f s (%.1f cores busy)",
                    cpuNanos / 1e9, (double) cpuNanos / nanos);
            out.printf(Locale.ROOT, "%-40s %7d frames in %6.2f s = %8.1f fps%s%n", label, frames,
                    nanos / 1e9, fps(), cpu);
        }
    }

    private static Rate timeReader(Path file, ReadOptions options, double seconds) {
        long budget = (long) (seconds * 1e9);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long frames = 0;
        long passFrames;
        do {
            passFrames = readFrames(file, options);
            frames += passFrames;
        } while (System.nanoTime() - start < budget && passFrames > 0);
        long nanos = System.nanoTime() - start;
        long cpuEnd = processCpuNanos();
        return new Rate(frames, nanos, cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart);
    }

    /** CPU time of this JVM on all its threads, or -1 where the platform does not tell. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static long readFrames(Path file, ReadOptions options) {
        long frames = 0;
        try (MediaReader reader = MediaReader.open(file, options)) {
            while (reader.read() != null) {
                frames++;
            }
        }
        return frames;
    }

    /** Runs ffmpeg over the file {@code 1 + extraLoops} times in one process. */
    private static Rate timeFfmpeg(Path ffmpeg, Path file, long extraLoops, long framesPerPass)
            throws IOException, InterruptedException {
        List<String> command = List.of(ffmpeg.toString(), "-v", "error", "-threads", "1",
                "-stream_loop", Long.toString(extraLoops), "-i", file.toString(),
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", "/dev/null");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg failed: " + String.join(" ", command));
        }
        return new Rate((1 + extraLoops) * framesPerPass, System.nanoTime() - start, -1);
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Paths.get(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
