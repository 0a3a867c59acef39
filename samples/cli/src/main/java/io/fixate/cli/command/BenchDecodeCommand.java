package io.fixate.cli.command;

import io.fixate.cli.ExitCode;
import io.fixate.cli.bench.DecodeBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fixate bench-decode}: decode speed of the codec bridge next to the system ffmpeg. */
@Command(name = "bench-decode", mixinStandardHelpOptions = true, description = {
        "Measure frames per second for file -> frame + audio window, next to the system ffmpeg decoding the same "
                + "file to raw RGB on one thread, and print the ratio."})
public final class BenchDecodeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VIDEO", description = "Clip to decode (a 25 fps clip for the documented figures).")
    Path video;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Minimum measuring time per side. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Override
    public Integer call() throws Exception {
        DecodeBenchmark.run(video, seconds, new PrintStream(System.out, true));
        return ExitCode.OK;
    }
}
