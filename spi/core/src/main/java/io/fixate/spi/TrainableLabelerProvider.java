package io.fixate.spi;

import java.nio.file.Path;

/**
 * A {@link LabelerProvider} that can train its labeler's weights from tagged clips. Hosts find it among the labeler
 * providers with an {@code instanceof} check; a labeler that ships fixed weights need not implement it.
 */
public interface TrainableLabelerProvider extends LabelerProvider {

    /**
     * Trains weights on {@code data} into {@link TrainingRequest#output()}, resuming an interrupted run there, and
     * returns what to pass as {@link io.fixate.api.ModelOptions#weights} to {@link #open} the trained labeler.
     *
     * @throws io.fixate.api.InvalidOptionsException    for a setting the provider does not accept, or an output that
     *                                                  holds a run with other settings or data
     * @throws io.fixate.api.DeviceUnavailableException when the requested device is absent
     * @throws java.io.UncheckedIOException             when the output cannot be written
     */
    Path train(TrainingData data, TrainingRequest request, TrainingMonitor monitor);
}
