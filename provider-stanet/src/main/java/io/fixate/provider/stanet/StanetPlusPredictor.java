package io.fixate.provider.stanet;

import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.djl.Devices;

import java.util.Map;

/**
 * An opened {@code stanet-plus}: the three loaded nets and how its sessions run and fuse them. Sessions only read the
 * parameters, so the predictor is safe to share between threads.
 */
final class StanetPlusPredictor implements FixationPredictor {

    private final ProviderInfo info;
    private final StanetPlusWeights weights;
    private final SessionSettings settings;
    private final PlusNets nets;
    private final NetMapFusion fusion;

    StanetPlusPredictor(ProviderInfo info, StanetPlusWeights weights, SessionSettings settings, PlusNets nets,
                        NetMapFusion fusion) {
        this.info = info;
        this.weights = weights;
        this.settings = settings;
        this.nets = nets;
        this.fusion = fusion;
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public PredictionSession openSession() {
        return new StanetPlusSession(weights, settings, nets, fusion);
    }

    /** PyTorch's thread count, which the process fixes when the engine starts (see {@link Devices}). */
    @Override
    public int threads() {
        return Devices.engineThreads();
    }

    /** The kinds of visual and audio encoder every net of the loaded weights has (each net has its own). */
    @Override
    public Map<String, String> encoders() {
        return Map.of("visual", weights.sta().visualEncoder().name(), "audio", weights.sta().audioEncoder().name());
    }

    /** Releases the parameters; sessions of this predictor must not be used afterwards. */
    @Override
    public void close() {
        weights.close();
    }
}
