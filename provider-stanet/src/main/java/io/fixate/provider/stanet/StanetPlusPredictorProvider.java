package io.fixate.provider.stanet;

import ai.djl.Device;
import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.provider.stanet.training.PlusDistillation;
import io.fixate.spi.OptionChecks;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainablePredictorProvider;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.BundledFolder;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.LoadedNetPredictor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code stanet-plus} predictor (alias {@code stanet+}): STANet+ of the journal paper, the STA net, STA+Short and
 * STA+Long fused by Eq. 17 ({@link StanetPlusSession}), with the weights of a folder written by {@code fixate
 * train-predictor --model stanet-plus} ({@link StanetPlusWeights}) given as {@link ModelOptions#weights()}, or without
 * them the bundled ones ({@value #BUNDLE}: distilled from SCAM+ on the synthetic benchmark, 128 × 128, compact
 * encoders; docs/stanet-plus.md). It reads four frames either side of the current one, so sessions hold back four
 * frames. Frames of any size are taken and laid into the square the weights were trained at; a requested input size
 * must be that one.
 *
 * <p>Properties {@value StanetPredictorProvider#BLUR}, {@value StanetPredictorProvider#SMOOTHING}, {@value
 * StanetPredictorProvider#MAP_SIZE} and {@value StanetPredictorProvider#AUDIO} as for {@code stanet}, applied once
 * after the fusion. Property {@value #FUSION}: {@code eq17} (default) or {@code max}, the reference code's pixel-wise
 * maximum, for the ablation. Property {@value #NETS}: {@code all} (default) or {@code sta}, {@code short} or {@code
 * long} to return that net's map alone, for comparisons.
 *
 * <p>Training: {@link #train} distils the teacher into STA+Short and STA+Long, initialised from a trained STA ({@link
 * PlusDistillation}).
 */
public final class StanetPlusPredictorProvider implements TrainablePredictorProvider {

    static final String NAME = "stanet-plus";
    static final String FUSION = "fusion";
    static final String NETS = "nets";
    /** The resource folder of the bundled weights (their recipe: docs/stanet-plus.md). */
    static final String BUNDLE = "weights/plus/";

    private static final ProviderInfo INFO = new ProviderInfo(NAME, List.of("stanet+"),
            "STANet+: STA, STA+Short and STA+Long (C-GCN over fragments) fused by Eq. 17; looks four frames ahead",
            capabilities(AudioRequirement.DEFAULT));

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public FixationPredictor open(ModelOptions options) {
        OptionChecks.requireKnownProperties(NAME, options, Set.of(StanetPredictorProvider.BLUR,
                StanetPredictorProvider.SMOOTHING, StanetPredictorProvider.MAP_SIZE, StanetPredictorProvider.AUDIO,
                FUSION, NETS));
        SessionSettings settings = StanetPredictorProvider.sessionSettings(NAME, options, 1);
        NetMapFusion fusion = NetMapFusion.valueOf(OptionChecks.choiceProperty(NAME, options, FUSION,
                NetMapFusion.EQ17.key(), Arrays.stream(NetMapFusion.values()).map(NetMapFusion::key).toList())
                .toUpperCase(Locale.ROOT));
        PlusNets nets = PlusNets.valueOf(OptionChecks.choiceProperty(NAME, options, NETS, PlusNets.ALL.key(),
                PlusNets.keys()).toUpperCase(Locale.ROOT));
        Device device = Devices.choose(options);
        StanetPlusWeights weights = options.weights().map(folder -> StanetPlusWeights.load(folder, device))
                .orElseGet(() -> BundledFolder.load(StanetPlusPredictorProvider.class::getResourceAsStream, BUNDLE,
                        StanetPlusWeights.files(), "STANet+",
                        copy -> StanetPlusWeights.load(copy, device)));
        try {
            OptionChecks.requireInputSize(NAME, options, weights.inputSize());
            ProviderInfo opened = new ProviderInfo(NAME, INFO.aliases(), INFO.description(),
                    capabilities(weights.sta().audioEncoder().requirement()));
            return new LoadedNetPredictor(opened, weights.sta().visualEncoder(), weights.sta().audioEncoder(),
                    () -> new StanetPlusSession(weights, settings, nets, fusion), weights::close);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    @Override
    public Path train(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor) {
        return PlusDistillation.run(data, teacher, request, monitor);
    }

    /**
     * Four frames either side (STA+Short's reach) and frames of any size: the session lays each into the square its
     * weights were trained at, which differs from folder to folder, so that an opened predictor declares what the
     * provider does.
     */
    private static Capabilities capabilities(AudioRequirement audio) {
        return Capabilities.builder().usesAudio(audio).frames(StanetPlusSession.REACH, StanetPlusSession.REACH)
                .needsWeights().build();
    }
}
