package io.fixate.samples.avrsp;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.samples.avrsp.nets.AvrspConfig;
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.samples.avrsp.training.AvrspTraining;
import io.fixate.spi.OptionChecks;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainablePredictorProvider;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.Devices;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.LoadedNetPredictor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The {@code avrsp} predictor, a third party's model plugged into Fixate: a compact re-implementation of AVRSP
 * (relevance-guided audio-visual saliency prediction) that predicts each frame from it and the frames before it, with
 * their sound, and trains here ({@link #train}). It opens the weights it bundles, trained here on OSIE's recorded gaze
 * (the module's README says how), or those of {@link ModelOptions#weights()}, a folder written by {@code fixate
 * train-predictor --model avrsp} ({@link AvrspWeights}); the model input is the square size those weights were
 * trained at, and the window of past frames their architecture's (the provider's info declares
 * the default architecture's 8 frames; an opened predictor declares its weights').
 *
 * <p>Property {@value #AUDIO}: {@code on} (default) or {@code off}, which gives the net silence instead of the frames'
 * sound. The paper's ablations (fusion method, MS, MRG) are training settings, since each needs its own weights.
 */
public final class AvrspPredictorProvider implements TrainablePredictorProvider {

    static final String NAME = "avrsp";
    static final String AUDIO = "audio";

    private static final String DESCRIPTION = "AVRSP, relevance-guided audio-visual fusion (compact re-implementation):"
            + " the last frames and their sound to a fixation map";
    private static final ProviderInfo INFO = new ProviderInfo(NAME, List.of(), DESCRIPTION,
            capabilities(AvrspConfig.DEFAULT.frames(), AudioRequirement.DEFAULT));

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    /**
     * @throws InvalidOptionsException for an unknown property, an {@value #AUDIO} other than on or off, or an input
     *                                 size other than the weights'
     * @throws io.fixate.api.MissingWeightsException when the weights folder given lacks a file
     * @throws io.fixate.api.CorruptWeightsException when the weights fail their checks
     */
    @Override
    public FixationPredictor open(ModelOptions options) {
        OptionChecks.requireKnownProperties(NAME, options, Set.of(AUDIO));
        boolean hearing = OptionChecks.choiceProperty(NAME, options, AUDIO, "on", List.of("on", "off")).equals("on");
        LoadedNet<AvrspNet> weights = options.weights()
                .map(folder -> AvrspWeights.load(folder, Devices.choose(options)))
                .orElseGet(() -> AvrspWeights.loadBundled(Devices.choose(options)));
        return weights.closeOnFailure(loaded -> {
            OptionChecks.requireInputSize(NAME, options, loaded.inputSize());
            ProviderInfo opened = new ProviderInfo(NAME, INFO.aliases(), DESCRIPTION, capabilities(
                    loaded.net().config().frames(), loaded.net().audioEncoder().requirement()));
            return new LoadedNetPredictor(opened, loaded.net().visualEncoder(), loaded.net().audioEncoder(),
                    () -> new AvrspSession(loaded, hearing), loaded::close);
        });
    }

    /** Trains the net in two phases, visual then audio-visual ({@link AvrspTraining}). */
    @Override
    public Path train(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor) {
        return AvrspTraining.run(data, teacher, request, monitor);
    }

    /**
     * Causal: {@code frames − 1} frames of context, none ahead; frames of any size, since the session lays each into
     * the square its weights were trained at, which differs from folder to folder (an input size given as an option
     * must be that one).
     */
    private static Capabilities capabilities(int frames, AudioRequirement audio) {
        return Capabilities.builder().usesAudio(audio).frames(frames - 1, 0).needsWeights().build();
    }
}
