package io.fixate.provider.stanet;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.provider.stanet.training.Distillation;
import io.fixate.spi.OptionChecks;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainablePredictorProvider;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.LoadedNetPredictor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code stanet} predictor: the STA net of STANet on frames t − 1, t, t + 1 and frame t's audio, with weights
 * bundled in this module ({@link BundledWeights}) or those of a folder written by {@code fixate train-predictor}
 * ({@link StanetWeights}) given as {@link ModelOptions#weights()}. The model input is the square size the weights
 * were trained at (the provider's info gives the default bundle's); a requested input size must be that one. The
 * audio window is the one the weights' audio encoder reads, which the opened predictor declares.
 *
 * <p>Property {@value #BUNDLED}: which bundled weights, {@code real} (default: learnt from real viewers' fixations on a
 * pretrained encoder) or {@code benchmark} (the paper's weakly supervised net, distilled on the synthetic benchmark);
 * it cannot go with {@link ModelOptions#weights()}. Property {@value #AUDIO}: {@code on} (default) or {@code off}, which
 * gives the net silence instead of the frames' sound, as for a clip without any.
 *
 * <p>Property {@value #STRIDE}: run the net on every k-th frame only (k ≥ 1, default 1, at most {@value #MAX_STRIDE})
 * and interpolate the maps between; the opened predictor then declares a look-ahead of k frames ({@link
 * StanetSession}). Property {@value #BLUR}: σ of the Gaussian blur of the net's map as a fraction of its side (0 to
 * {@value #MAX_BLUR}, default {@value #DEFAULT_BLUR}; 0 gives the net's own map). Property {@value #SMOOTHING}: the
 * weight of the previous map in a running average over the stream (0 to {@value #MAX_SMOOTHING}, default {@value
 * #DEFAULT_SMOOTHING}; 0 for none). Property {@value #MAP_SIZE}: {@value #NET_SIZE} (default) returns the map at the
 * net's resolution (over the frame's content), which the host resizes once where it needs pixels (a heatmap, a matte)
 * and reads as it is for blocks or peaks (encoder ROI maps, JSON fixations); {@value #FRAME_SIZE} resizes every map to
 * its source frame in the session, which costs a full-size resize per frame (about 20 ms at 1080p on one core).
 *
 * <p>Training: {@link #train} fits the STA net to the clips' recorded gaze and to any teacher's maps of the others
 * ({@link Distillation}; the settings and their defaults are those of
 * {@link io.fixate.provider.stanet.training.DistillationSettings}).
 */
public final class StanetPredictorProvider implements TrainablePredictorProvider {

    static final String NAME = "stanet";
    static final String BUNDLED = "bundled";
    static final String AUDIO = "audio";
    static final String STRIDE = "stride";
    static final String BLUR = "blur";
    /** σ of the map blur as a fraction of the map's side, chosen on the benchmark's validation split. */
    static final double DEFAULT_BLUR = 0.03;
    private static final double MAX_BLUR = 0.25;
    static final String SMOOTHING = "smoothing";
    /** Weight of the previous map in the running average over time, chosen on the benchmark's validation split. */
    static final double DEFAULT_SMOOTHING = 0.3;
    private static final double MAX_SMOOTHING = 0.95;
    static final String MAP_SIZE = "map-size";
    static final String FRAME_SIZE = "frame";
    static final String NET_SIZE = "net";
    /** Bounds the frames a session holds back (k of them). */
    static final int MAX_STRIDE = 100;

    /** The default bundle's: both bundled nets hear through the compact audio encoder's half-second window. */
    private static final ProviderInfo INFO = new ProviderInfo(NAME, List.of(),
            "STANet's STA net: three frames and the centre frame's sound to a fixation map",
            capabilities(1, BundledWeights.DEFAULT.inputSize(), AudioRequirement.DEFAULT));

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public FixationPredictor open(ModelOptions options) {
        OptionChecks.requireKnownProperties(NAME, options, Set.of(STRIDE, BLUR, SMOOTHING, MAP_SIZE, BUNDLED, AUDIO));
        BundledWeights bundle = BundledWeights.named(OptionChecks.choiceProperty(NAME, options, BUNDLED,
                BundledWeights.DEFAULT.bundleName(), BundledWeights.names()));
        if (options.weights().isPresent() && options.properties().containsKey(BUNDLED)) {
            throw new InvalidOptionsException(NAME + ": '" + BUNDLED + "' chooses among the bundled weights and"
                    + " cannot go with weights given as a folder (" + options.weights().get() + ")");
        }
        int stride = OptionChecks.intProperty(NAME, options, STRIDE, 1, 1, MAX_STRIDE);
        SessionSettings settings = sessionSettings(NAME, options, stride);
        StanetWeights weights = options.weights()
                .map(folder -> StanetWeights.load(folder, Devices.choose(options)))
                .orElseGet(() -> bundle.load(Devices.choose(options)));
        try {
            OptionChecks.requireInputSize(NAME, options, weights.inputSize());
            ProviderInfo opened = new ProviderInfo(NAME, INFO.aliases(), INFO.description(),
                    capabilities(stride, weights.inputSize(), weights.net().audioEncoder().requirement()));
            return new LoadedNetPredictor(opened, weights.net().visualEncoder(), weights.net().audioEncoder(),
                    () -> new StanetSession(weights, settings), weights::close);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    @Override
    public Path train(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor) {
        return Distillation.run(data, teacher, request, monitor);
    }

    /**
     * The settings of {@code provider}'s sessions from its options: properties {@value #BLUR}, {@value #SMOOTHING},
     * {@value #MAP_SIZE} and {@value #AUDIO}, with the net run on every {@code stride}-th frame.
     */
    static SessionSettings sessionSettings(String provider, ModelOptions options, int stride) {
        return new SessionSettings(stride,
                OptionChecks.doubleProperty(provider, options, BLUR, DEFAULT_BLUR, 0, MAX_BLUR),
                OptionChecks.doubleProperty(provider, options, SMOOTHING, DEFAULT_SMOOTHING, 0, MAX_SMOOTHING),
                OptionChecks.choiceProperty(provider, options, MAP_SIZE, NET_SIZE, List.of(FRAME_SIZE, NET_SIZE))
                        .equals(FRAME_SIZE),
                OptionChecks.choiceProperty(provider, options, AUDIO, "on", List.of("on", "off")).equals("on"));
    }

    /** Capabilities of a net at {@code inputSize} whose audio encoder reads {@code audio} with each frame. */
    private static Capabilities capabilities(int lookAhead, int inputSize, AudioRequirement audio) {
        return Capabilities.builder().usesAudio(audio).frames(StanetSession.NEIGHBOURS, lookAhead)
                .nativeInput(inputSize, inputSize).needsWeights().build();
    }
}
