package io.fixate.provider.stanet;

import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;

/**
 * An opened {@code stanet}: the loaded STA net, the temporal stride, the map blur and the temporal smoothing.
 * Sessions only read the parameters, so the predictor is safe to share between threads; whole clips go through a
 * session ({@link FixationPredictor#predictClip}), which is what makes them give exactly the streamed maps.
 */
final class StanetPredictor implements FixationPredictor {

    private final ProviderInfo info;
    private final StanetWeights weights;
    private final int stride;
    private final double blur;
    private final double smoothing;

    StanetPredictor(ProviderInfo info, StanetWeights weights, int stride, double blur, double smoothing) {
        this.info = info;
        this.weights = weights;
        this.stride = stride;
        this.blur = blur;
        this.smoothing = smoothing;
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public PredictionSession openSession() {
        return new StanetSession(weights, stride, blur, smoothing);
    }

    /** Releases the parameters; sessions of this predictor must not be used afterwards. */
    @Override
    public void close() {
        weights.close();
    }
}
