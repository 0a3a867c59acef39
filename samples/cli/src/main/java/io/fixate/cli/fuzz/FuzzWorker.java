package io.fixate.cli.fuzz;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.cli.ExitCode;
import io.fixate.codec.FfmpegLog;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The child process of {@code fixate fuzz-media}: decodes media files to the end with {@link MediaReader} and prints
 * a {@link FuzzResult} for each. It runs apart from the fuzzer so that a native crash or a hang in FFmpeg costs a
 * child JVM, not the run.
 *
 * <p>Without arguments it prints {@value FuzzResult#READY} and then decodes the files named on stdin, one a line,
 * until stdin closes or its parent process ends. With files as arguments it decodes those: how a failing case is
 * replayed by hand.
 */
public final class FuzzWorker {

    private static final ReadOptions OPTIONS = ReadOptions.of(AudioRequirement.DEFAULT);

    private FuzzWorker() {
    }

    public static void main(String[] args) throws IOException {
        // The results are the output; FFmpeg's own complaints about damaged data are expected by the thousand.
        FfmpegLog.printErrors(false);
        if (args.length == 0) {
            // a worker never outlives its fuzzer (Ctrl-C on it, say), even while a case hangs
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() ->
                    Runtime.getRuntime().halt(ExitCode.INTERNAL)));
            serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out,
                    FuzzWorker::decode);
        } else {
            for (String file : args) {
                report(decode(Path.of(file)), System.out);
            }
        }
    }

    /** Announces readiness, then reports {@code decoder}'s result for each file named by a line of {@code cases}. */
    static void serve(BufferedReader cases, PrintStream out, Function<Path, FuzzResult> decoder) throws IOException {
        out.println(FuzzResult.READY);
        out.flush();
        for (String line = cases.readLine(); line != null; line = cases.readLine()) {
            report(decoder.apply(Path.of(line)), out);
        }
    }

    /** Reads {@code file} to its last frame; any error is a result, never thrown. */
    static FuzzResult decode(Path file) {
        try (MediaReader reader = MediaReader.open(file, OPTIONS)) {
            long frames = 0;
            while (reader.read() != null) {
                frames++;
            }
            return FuzzResult.ok(frames);
        } catch (CorruptMediaException | UnsupportedMediaException | UncheckedIOException
                 | InvalidOptionsException e) {
            return FuzzResult.typed(e);
        } catch (Throwable e) {
            // an OutOfMemoryError or StackOverflowError is as much a bug as a NullPointerException
            return FuzzResult.untyped(e);
        }
    }

    private static void report(FuzzResult result, PrintStream out) {
        result.protocolLines().forEach(out::println);
        out.flush();
    }
}
