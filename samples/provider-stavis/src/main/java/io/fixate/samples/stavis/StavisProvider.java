package io.fixate.samples.stavis;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.samples.stavis.training.StavisSettings;
import io.fixate.samples.stavis.training.StavisTraining;
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
 * {@code stavis}: a compact re-implementation of STAViS (spatio-temporal audio-visual saliency, CVPR 2020), written as
 * a third-party provider against the api, the spi and the DJL toolkit only. It predicts the map of a frame from the
 * clip of T frames centred on it (T = 8 by default: look-behind ⌊T/2⌋ = 4, look-ahead T − 1 − ⌊T/2⌋ = 3) and the
 * frame's own audio window ({@link io.fixate.samples.stavis.nets.StavisNet}). It opens the weights it bundles, trained
 * here on OSIE's recorded gaze (the module's README says how), or those of {@link ModelOptions#weights()}, a folder
 * that {@link #train} wrote ({@link StavisWeights}).
 *
 * <p>Property {@value #AUDIO}: {@code on} (default) or {@code off}, which gives the net silence instead of the frames'
 * sound, so that its localisation maps carry no sound evidence. Frames of any size are squashed into the square the
 * weights were trained at; a requested input size must be that one. The provider's info declares the clip length of
 * the training default (T = {@value StavisSettings#DEFAULT_FRAMES}); weights trained with another T open with their
 * own look-behind and look-ahead, which the opened predictor's info declares, as it does its audio encoder's window.
 *
 * <p>Training: {@link #train} learns from the clips' recorded gaze and from any teacher's maps of the others, visual
 * stage first, then audio-visual ({@link StavisTraining}; settings in {@link StavisSettings}).
 */
public final class StavisProvider implements TrainablePredictorProvider {

    static final String NAME = "stavis";
    static final String AUDIO = "audio";

    private static final String DESCRIPTION = "STAViS (compact re-implementation): a clip of frames and the target "
            + "frame's sound, with sound localisation, to a fixation map";
    private static final ProviderInfo INFO = new ProviderInfo(NAME, List.of(), DESCRIPTION,
            capabilities(StavisSettings.DEFAULT_FRAMES, AudioRequirement.DEFAULT));

    /** Cheap, as the spi requires: the net is loaded by {@link #open}. */
    public StavisProvider() {
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    /**
     * @throws InvalidOptionsException                  for an unknown property, a bad {@value #AUDIO} value or an input
     *                                                  size other than the trained one
     * @throws MissingWeightsException                  when the weights folder given lacks a file
     * @throws io.fixate.api.CorruptWeightsException    when the weights fail their checks
     * @throws io.fixate.api.DeviceUnavailableException when a GPU is required and there is none
     */
    @Override
    public FixationPredictor open(ModelOptions options) {
        OptionChecks.requireKnownProperties(NAME, options, Set.of(AUDIO));
        boolean hearing = OptionChecks.choiceProperty(NAME, options, AUDIO, "on", List.of("on", "off")).equals("on");
        LoadedNet<StavisNet> weights = options.weights()
                .map(folder -> StavisWeights.load(folder, Devices.choose(options)))
                .orElseGet(() -> StavisWeights.loadBundled(Devices.choose(options)));
        return weights.closeOnFailure(loaded -> {
            OptionChecks.requireInputSize(NAME, options, loaded.inputSize());
            ProviderInfo opened = new ProviderInfo(NAME, INFO.aliases(), DESCRIPTION, capabilities(
                    loaded.net().frames(), loaded.net().audioEncoder().requirement()));
            return new LoadedNetPredictor(opened, loaded.net().visualEncoder(), loaded.net().audioEncoder(),
                    () -> new StavisSession(loaded, hearing), loaded::close);
        });
    }

    @Override
    public Path train(TrainingData data, Teacher teacher, TrainingRequest request, TrainingMonitor monitor) {
        return StavisTraining.run(data, teacher, request, monitor);
    }

    /**
     * Capabilities of a net over clips of {@code frames} that hears {@code audio}. No native input size: the session
     * lays frames of any size into the net's square itself.
     */
    private static Capabilities capabilities(int frames, AudioRequirement audio) {
        return Capabilities.builder().usesAudio(audio)
                .frames(StavisSession.lookBehind(frames), StavisSession.lookAhead(frames)).needsWeights().build();
    }
}
