package io.fixate.cli.command;

import io.fixate.cli.ExitCode;
import io.fixate.cli.bench.MetricsBenchmark;

import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code fixate bench-metrics}: throughput of the six saliency metrics at 356×356. */
@Command(name = "bench-metrics", mixinStandardHelpOptions = true,
        description = "Measure frames per second for all six saliency metrics at 356x356.")
public final class BenchMetricsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        MetricsBenchmark.run(new PrintStream(System.out, true));
        return ExitCode.OK;
    }
}
