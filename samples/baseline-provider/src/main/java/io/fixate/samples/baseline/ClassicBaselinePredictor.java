package io.fixate.samples.baseline;

import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;

/** The opened classic-baseline: it holds only its settings, so it is safe to share and closing it frees nothing. */
final class ClassicBaselinePredictor implements FixationPredictor {

    private final BaselineSettings settings;

    ClassicBaselinePredictor(BaselineSettings settings) {
        this.settings = settings;
    }

    @Override
    public ProviderInfo info() {
        return ClassicBaselineProvider.INFO;
    }

    @Override
    public PredictionSession openSession() {
        return new ClassicBaselineSession(settings);
    }

    @Override
    public void close() {
    }
}
