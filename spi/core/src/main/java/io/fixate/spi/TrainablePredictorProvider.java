package io.fixate.spi;

import io.fixate.api.PseudoLabeler;

import java.nio.file.Path;

/**
 * A {@link PredictorProvider} that can train its predictor's weights by distillation: from the maps a {@link
 * PseudoLabeler} (the teacher) makes of tagged clips. Hosts find it among the predictor providers with an {@code
 * instanceof} check; a predictor that ships fixed weights need not implement it.
 */
public interface TrainablePredictorProvider extends PredictorProvider {

    /**
     * Trains weights on {@code teacher}'s maps of {@code data}'s clips into {@link TrainingRequest#output()}, resuming
     * an interrupted run there, and returns what to pass as {@link io.fixate.api.ModelOptions#weights} to {@link
     * #open} the trained predictor. The teacher stays open and owned by the caller.
     *
     * @throws io.fixate.api.InvalidOptionsException    for a setting the provider does not accept, or an output that
     *                                                  holds a run with other settings, data or teacher
     * @throws io.fixate.api.DeviceUnavailableException when the requested device is absent
     * @throws java.io.UncheckedIOException             when the output cannot be written
     */
    Path train(TrainingData data, PseudoLabeler teacher, TrainingRequest request, TrainingMonitor monitor);
}
