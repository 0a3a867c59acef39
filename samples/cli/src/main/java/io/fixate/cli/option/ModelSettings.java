package io.fixate.cli.option;

import io.fixate.api.DeviceChoice;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options the training and labelling commands share: where the model trains or runs, its own settings and the
 * progress bar.
 */
public final class ModelSettings {

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the model trains or runs. Default: ${DEFAULT-VALUE}.")
    DeviceChoice device;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting of the model being trained or run (repeatable); unknown keys are refused.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    public DeviceChoice device() {
        return device;
    }

    public Map<String, String> settings() {
        return settings;
    }

    public boolean showProgress() {
        return !noProgress;
    }
}
