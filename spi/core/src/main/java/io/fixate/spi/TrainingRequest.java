package io.fixate.spi;

import io.fixate.api.DeviceChoice;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to train: where the weights go, the seed of every random choice, the device, and provider-specific settings
 * (for example epoch counts), which a provider checks like {@link io.fixate.api.ModelOptions#properties()}: an
 * unknown key is an {@link io.fixate.api.InvalidOptionsException}.
 *
 * @param output   the folder the trained weights, checkpoints and manifest go to; a trainer given a folder that holds
 *                 an unfinished run with the same settings resumes it
 * @param seed     seeds initialisation, shuffling, augmentation and sampling, so a run can be repeated
 * @param device   where training runs
 * @param settings provider-specific settings
 */
public record TrainingRequest(Path output, long seed, DeviceChoice device, Map<String, String> settings) {

    public TrainingRequest {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(device, "device");
        settings = Map.copyOf(settings);
    }
}
