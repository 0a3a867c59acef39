package io.fixate.cli.option;

import io.fixate.Fixate;
import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predictor a command runs: any registered one by name, with its weights, thread count and settings; shared by
 * {@code predict} and the benchmark commands so that they take the same options.
 */
public final class PredictorChoice {

    /** The model used when none is named: STANet with its bundled weights. */
    public static final String DEFAULT_MODEL = "stanet";

    @Option(names = "--model", paramLabel = "NAME", defaultValue = DEFAULT_MODEL,
            description = "Predictor to use (see 'fixate providers'). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--weights", paramLabel = "PATH",
            description = "Weights to use instead of the bundled ones.")
    Path weights;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Compute threads for the model: 0 = the count PyTorch started with (the fixate script "
                    + "gives it all cores but one); any other count must equal it.")
    int threads;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "Model-specific setting, e.g. stanet's smoothing=0 (repeatable; an unknown key is refused "
                    + "with the model's keys).")
    Map<String, String> properties = new LinkedHashMap<>();

    /** The chosen predictor's name. */
    public String model() {
        return model;
    }

    /** The weights given with --weights, or null for the model's bundled ones. */
    public Path weights() {
        return weights;
    }

    /** Opens the predictor on its default device at its native input size. */
    public FixationPredictor open() {
        return Fixate.predictor(model, options().build());
    }

    /** The chosen weights, threads and settings, for a caller that adds more (device, input size). */
    public ModelOptions.Builder options() {
        ModelOptions.Builder options = ModelOptions.builder().threads(threads).weights(weights);
        properties.forEach(options::property);
        return options;
    }
}
