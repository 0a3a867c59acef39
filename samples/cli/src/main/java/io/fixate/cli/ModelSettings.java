package io.fixate.cli;

import io.fixate.api.DeviceChoice;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options the training and labelling commands share: where the model trains or runs, its own settings and the
 * progress bar.
 */
final class ModelSettings {

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the model trains or runs. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting of the model being trained or run (repeatable); unknown keys are refused.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    DeviceChoice device() {
        return EnumOption.parse(DeviceChoice.class, device, "--device");
    }

    Map<String, String> settings() {
        return settings;
    }

    boolean showProgress() {
        return !noProgress;
    }
}
