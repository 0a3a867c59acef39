package io.fixate.spi;

import java.nio.file.Path;

/**
 * A {@link PredictorProvider} that can train its predictor's weights: from the recorded gaze of the clips that carry
 * it (full supervision) and from a {@link Teacher}'s maps of the others (distillation, the papers' weak supervision).
 * Hosts find it among the predictor providers with an {@code instanceof} check; a predictor that ships fixed weights
 * need not implement it.
 */
public interface TrainablePredictorProvider extends PredictorProvider {

    /**
     * Trains weights on {@code data}'s clips into {@link TrainingRequest#output()}, resuming an interrupted run there,
     * and returns what to pass as {@link io.fixate.api.ModelOptions#weights} to {@link #open} the trained predictor.
     * A clip with neither recorded gaze the provider uses nor a map from {@code teacher} is left out with a
     * {@link TrainingMonitor#note}.
     *
     * @throws io.fixate.api.InvalidOptionsException    for a setting the provider does not accept, no clip left to
     *                                                  learn from, or an output that holds a run with other settings,
     *                                                  data or teacher
     * @throws io.fixate.api.DeviceUnavailableException when the requested device is absent
     * @throws java.io.UncheckedIOException             when the output cannot be written
     */
    Path train(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor);
}
