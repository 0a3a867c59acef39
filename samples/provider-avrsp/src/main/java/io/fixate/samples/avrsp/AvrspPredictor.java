package io.fixate.samples.avrsp;

import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.djl.Devices;

import java.util.Map;

/**
 * An opened {@code avrsp}: the loaded net and whether its sessions hear the frames' sound. Sessions only read the
 * parameters, so the predictor may be shared between threads.
 */
final class AvrspPredictor implements FixationPredictor {

    private final ProviderInfo info;
    private final AvrspWeights weights;
    private final boolean hearing;

    AvrspPredictor(ProviderInfo info, AvrspWeights weights, boolean hearing) {
        this.info = info;
        this.weights = weights;
        this.hearing = hearing;
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public PredictionSession openSession() {
        return new AvrspSession(weights, hearing);
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
