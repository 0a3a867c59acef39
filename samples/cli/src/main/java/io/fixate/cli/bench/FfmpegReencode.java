package io.fixate.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The floor a heatmap run is measured against: the system's {@code ffmpeg} decoding the same frames of the same clip
 * and re-encoding them with the heatmap's encoder at its bit rate, into nothing ({@code -f null}), with FFmpeg's own
 * thread choice. A missing {@code ffmpeg} or encoder is reported and the benchmark goes on without the ratio.
 */
public final class FfmpegReencode {

    private static final String PREFIX = "  ffmpeg: ";

    private FfmpegReencode() {
    }

    /**
     * @param encoder the FFmpeg name of the heatmap's encoder; {@code libopenh264}, which Debian's FFmpeg lacks, is
     *                replaced by libx264 at its fastest preset, and the line printed says so
     * @return frames per second of decoding and re-encoding, or empty when it could not run (the reason is printed)
     */
    public static OptionalDouble framesPerSecond(String ffmpeg, Path clip, int frames, String encoder, long bitRate,
                                                 PrintWriter out) throws InterruptedException {
        List<String> codec = "libopenh264".equals(encoder)
                ? List.of("-c:v", "libx264", "-preset", "ultrafast") : List.of("-c:v", encoder);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error",
                "-i", clip.toString(), "-frames:v", String.valueOf(frames), "-an"));
        command.addAll(codec);
        command.addAll(List.of("-b:v", String.valueOf(bitRate), "-f", "null", "-"));
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println(PREFIX + "no comparison: cannot run " + ffmpeg + ": " + e.getMessage());
            return OptionalDouble.empty();
        }
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            process.destroyForcibly();
            out.println(PREFIX + "no comparison: " + e.getMessage());
            return OptionalDouble.empty();
        }
        int status = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            out.println(PREFIX + "no comparison: " + String.join(" ", command) + " failed (" + status + "): "
                    + output);
            return OptionalDouble.empty();
        }
        out.printf(Locale.ROOT, "%sdecode + %s at %d b/s: %d frames in %.2f s = %.1f fps%n", PREFIX,
                String.join(" ", codec.subList(1, codec.size())), bitRate, frames, seconds, frames / seconds);
        return OptionalDouble.of(frames / seconds);
    }
}
