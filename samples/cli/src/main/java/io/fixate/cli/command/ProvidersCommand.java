package io.fixate.cli.command;

import io.fixate.Fixate;
import io.fixate.ProviderCatalog;
import io.fixate.api.Capabilities;
import io.fixate.api.ProviderInfo;
import io.fixate.cli.ExitCode;
import io.fixate.cli.option.PredictorChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fixate providers}: what was discovered, with capabilities. */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "List the predictors and labelers that were discovered.")
public final class ProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProviderCatalog catalog = Fixate.catalog();
        print(out, "Predictors", catalog.predictors());
        print(out, "Labelers", catalog.labelers());
        if (!catalog.problems().isEmpty()) {
            out.println("Problems:");
            catalog.problems().forEach(p -> out.println("  " + p));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, String heading, List<ProviderInfo> providers) {
        out.println(heading + ":" + (providers.isEmpty() ? " none" : ""));
        for (ProviderInfo info : providers) {
            out.println("  " + info.name() + (info.aliases().isEmpty() ? "" : " (" + String.join(", ", info.aliases())
                    + ")") + (info.name().equals(PredictorChoice.DEFAULT_MODEL) ? "  [default]" : ""));
            out.println("      " + info.description());
            out.println("      " + capabilities(info.capabilities()));
        }
    }

    private static String capabilities(Capabilities c) {
        String input = c.nativeInputWidth() == 0 ? "any size" : c.nativeInputWidth() + "x" + c.nativeInputHeight();
        StringBuilder s = new StringBuilder()
                .append(c.usesAudio() ? "audio " + c.audio().sampleRate() + " Hz, " + c.audio().windowMicros() / 1000
                        + " ms window" : "no audio")
                .append("; frames: ").append(c.contextFrames()).append(" past, ").append(c.lookAheadFrames())
                .append(" look-ahead; input ").append(input)
                .append(c.needsWeights() ? "; trained weights" : "; no weights");
        if (!c.labels().isEmpty()) {
            s.append("; ").append(c.labels().size()).append(" labels");
        }
        return s.toString();
    }
}
