package io.fixate.provider.stanet;

import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.djl.Devices;

import java.util.Map;

/**
 * An opened {@code stanet}: the loaded STA net and the {@link SessionSettings} of its sessions.
 * Sessions only read the parameters, so the predictor is safe to share between threads; whole clips go through a
 * session ({@link FixationPredictor#predictClip}), which is what makes them give exactly the streamed maps.
 */
final class StanetPredictor implements FixationPredictor {

    private final ProviderInfo info;
    private final StanetWeights weights;
    private final SessionSettings settings;

    StanetPredictor(ProviderInfo info, StanetWeights weights, SessionSettings settings) {
        this.info = info;
        this.weights = weights;
        this.settings = settings;
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public PredictionSession openSession() {
        return new StanetSession(weights, settings);
    }

    /** PyTorch's thread count, which the process fixes when the engine starts (see {@link Devices}). */
    @Override
    public int threads() {
        return Devices.engineThreads();
    }

    /** The visual and audio encoders of the loaded weights, by the names their manifest records. */
    @Override
    public Map<String, String> encoders() {
        return Map.of("visual", weights.net().visualEncoder().name(), "audio", weights.net().audioEncoder().name());
    }

    /** Releases the parameters; sessions of this predictor must not be used afterwards. */
    @Override
    public void close() {
        weights.close();
    }
}
