package io.fixate.cli;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.DeviceUnavailableException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.WeightsException;
import io.fixate.cli.command.ImportEncoderCommand;
import io.fixate.codec.FfmpegLog;
import io.fixate.importer.EncoderImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Entry point of the {@code fixate} command. */
@Command(name = "fixate", mixinStandardHelpOptions = true, versionProvider = FixateCli.Version.class,
        description = "Predicts where people look in video, from picture and sound.",
        subcommands = {ProvidersCommand.class, PredictCommand.class, SynthCommand.class, EvalCommand.class,
                TrainLabelerCommand.class, TrainPredictorCommand.class, LabelCommand.class, BenchDecodeCommand.class,
                BenchMetricsCommand.class, BenchPredictCommand.class, BenchMemoryCommand.class,
                FuzzMediaCommand.class, ImportEncoderCommand.class, CommandLine.HelpCommand.class})
public final class FixateCli {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error as well as its message.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; never calls System.exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        // Every failure is reported in one line of ours; FFmpeg's own lines are only wanted when debugging.
        FfmpegLog.printErrors(Arrays.asList(args).contains("--verbose"));
        CommandLine cli = new CommandLine(new FixateCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("fixate: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            err.flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = Arrays.asList(args).contains("--verbose");
            err.println("fixate: " + describe(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return exitCodeOf(e);
        });
        return cli.execute(args);
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof InvalidOptionsException) {
            return ExitCode.USAGE;
        }
        if (e instanceof CorruptMediaException || e instanceof UnsupportedMediaException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof WeightsException) {
            return ExitCode.WEIGHTS;
        }
        if (e instanceof DeviceUnavailableException) {
            return ExitCode.DEVICE;
        }
        if (e instanceof TrainingDivergedException) {
            return ExitCode.DIVERGED;
        }
        if (e instanceof InputFileException || e instanceof EncoderImportException) {
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCode.OUTPUT;
        }
        return ExitCode.INTERNAL;
    }

    private static String describe(Throwable e) {
        if (exitCodeOf(e) == ExitCode.INTERNAL) {
            return "internal error: " + e + " (run with --verbose for details)";
        }
        String message = e.getMessage();
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return message == null ? e.toString() : message;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FixateCli.class.getPackage().getImplementationVersion();
            return new String[]{"fixate " + (version == null ? "development" : version)};
        }
    }
}
