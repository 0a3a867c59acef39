package io.fixate.cli;

import io.fixate.api.DeviceChoice;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The options {@code train-labeler} and {@code label} share: where the labeler runs and its own settings. */
final class LabelerSettings {

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the labeler runs. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A labeler-specific setting (repeatable); the labeler rejects keys it does not know.")
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
