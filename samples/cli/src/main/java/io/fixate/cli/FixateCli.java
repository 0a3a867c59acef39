package io.fixate.cli;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.DeviceUnavailableException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.api.UnreadableInputException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.WeightsException;
import io.fixate.cli.command.BenchDecodeCommand;
import io.fixate.cli.command.BenchMemoryCommand;
import io.fixate.cli.command.BenchMetricsCommand;
import io.fixate.cli.command.BenchPredictCommand;
import io.fixate.cli.command.BenchRoiCommand;
import io.fixate.cli.command.EncodeCommand;
import io.fixate.cli.command.EvalCommand;
import io.fixate.cli.command.FuzzMediaCommand;
import io.fixate.cli.command.ImportEncoderCommand;
import io.fixate.cli.command.LabelCommand;
import io.fixate.cli.command.PredictCommand;
import io.fixate.cli.command.ProvidersCommand;
import io.fixate.cli.command.RoiCommand;
import io.fixate.cli.command.SynthCommand;
import io.fixate.cli.command.TrainLabelerCommand;
import io.fixate.cli.command.TrainPredictorCommand;
import io.fixate.codec.FfmpegLog;
import io.fixate.importer.EncoderImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;

/** Entry point of the {@code fixate} command. */
@Command(name = "fixate", mixinStandardHelpOptions = true, versionProvider = FixateCli.Version.class,
        description = "Predicts where people look in video, from picture and sound.",
        subcommands = {ProvidersCommand.class, PredictCommand.class, RoiCommand.class, EncodeCommand.class,
                SynthCommand.class, EvalCommand.class, TrainLabelerCommand.class, TrainPredictorCommand.class,
                LabelCommand.class, BenchDecodeCommand.class, BenchMetricsCommand.class, BenchPredictCommand.class,
                BenchMemoryCommand.class, BenchRoiCommand.class, FuzzMediaCommand.class, ImportEncoderCommand.class,
                CommandLine.HelpCommand.class})
public final class FixateCli {

    private static final String VERBOSE = "--verbose";

    /** README's exit codes by kind of failure; anything else is an internal error. */
    private static final List<Map.Entry<Class<? extends Throwable>, Integer>> EXIT_CODES = List.of(
            Map.entry(InvalidOptionsException.class, ExitCode.USAGE),
            Map.entry(CorruptMediaException.class, ExitCode.BAD_INPUT),
            Map.entry(UnsupportedMediaException.class, ExitCode.BAD_INPUT),
            Map.entry(UnreadableInputException.class, ExitCode.BAD_INPUT),
            Map.entry(EncoderImportException.class, ExitCode.BAD_INPUT),
            Map.entry(WeightsException.class, ExitCode.WEIGHTS),
            Map.entry(DeviceUnavailableException.class, ExitCode.DEVICE),
            Map.entry(TrainingDivergedException.class, ExitCode.DIVERGED),
            Map.entry(IOException.class, ExitCode.OUTPUT),
            Map.entry(UncheckedIOException.class, ExitCode.OUTPUT));

    /** Maps a failure of a command to its exit code; picocli asks it for every exception a command throws. */
    static final IExitCodeExceptionMapper FAILURE_EXIT_CODES = e -> EXIT_CODES.stream()
            .filter(entry -> entry.getKey().isInstance(e)).map(Map.Entry::getValue).findFirst()
            .orElse(ExitCode.INTERNAL);

    /** picocli makes the one instance, the parent of every command. */
    FixateCli() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; never calls System.exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FixateCli());
        // An option without a field: whether it was given is read from the parse result. INHERIT puts it on every
        // command, so that it may follow the command's own options.
        cli.getCommandSpec().addOption(OptionSpec.builder(VERBOSE).scopeType(CommandLine.ScopeType.INHERIT)
                .description("Print the stack trace of an error as well as its message.")
                .build());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(FAILURE_EXIT_CODES);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("fixate: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            err.flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionStrategy(parsed -> {
            // Every failure is reported in one line of ours; FFmpeg's own lines are only wanted when debugging.
            FfmpegLog.printErrors(verbose(parsed));
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            int code = FAILURE_EXIT_CODES.getExitCode(e);
            err.println("fixate: " + describe(e, code));
            if (verbose(parsed)) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli.execute(args);
    }

    /** Whether --verbose was given to the command or to any subcommand on the way to the one that ran. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e, int exitCode) {
        if (exitCode == ExitCode.INTERNAL) {
            return "internal error: " + e + " (run with --verbose for details)";
        }
        String message = e.getMessage();
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return message == null ? e.toString() : message;
    }

    /** The version of the module or jar, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            // on the module path the descriptor has the version; on the class path only the jar manifest does
            ModuleDescriptor module = FixateCli.class.getModule().getDescriptor();
            String version = module != null && module.rawVersion().isPresent() ? module.rawVersion().get()
                    : FixateCli.class.getPackage().getImplementationVersion();
            return new String[]{"fixate " + (version == null ? "development" : version)};
        }
    }
}
