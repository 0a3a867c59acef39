package io.fixate.spi.djl;

import io.fixate.api.FixationPredictor;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An opened predictor of loaded nets, what a DJL provider's {@code open} returns: sessions come from the provider's
 * factory, and closing releases the parameters. Sessions only read the parameters, so the predictor is safe to share
 * between threads; whole clips go through a session ({@link FixationPredictor#predictClip}), so they give exactly the
 * streamed maps.
 */
public final class LoadedNetPredictor implements FixationPredictor {

    private final ProviderInfo info;
    private final Map<String, String> encoders;
    private final Supplier<PredictionSession> sessions;
    private final Runnable release;

    /**
     * @param visual   the visual encoder of the loaded nets (the kind every net has, where there are several)
     * @param audio    their audio encoder
     * @param sessions opens a session on the loaded parameters
     * @param release  releases the parameters
     */
    public LoadedNetPredictor(ProviderInfo info, VisualEncoder visual, AudioEncoder audio,
                              Supplier<PredictionSession> sessions, Runnable release) {
        this.info = Objects.requireNonNull(info, "info");
        this.encoders = Map.of("visual", visual.name(), "audio", audio.name());
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.release = Objects.requireNonNull(release, "release");
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public PredictionSession openSession() {
        return sessions.get();
    }

    /** PyTorch's thread count, which the process fixes when the engine starts (see {@link Devices}). */
    @Override
    public int threads() {
        return Devices.engineThreads();
    }

    /** The visual and audio encoders of the loaded weights, by the names their manifest records. */
    @Override
    public Map<String, String> encoders() {
        return encoders;
    }

    /** Releases the parameters; sessions of this predictor must not be used afterwards. */
    @Override
    public void close() {
        release.run();
    }
}
