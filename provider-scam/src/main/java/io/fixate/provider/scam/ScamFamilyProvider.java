package io.fixate.provider.scam;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.WeightsException;
import io.fixate.provider.scam.labeling.AudioRelevance;
import io.fixate.provider.scam.labeling.NetAudioRelevance;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.labeling.ScamPipeline;
import io.fixate.provider.scam.recipe.LabelerTraining;
import io.fixate.provider.scam.recipe.LabelerWeights;
import io.fixate.spi.OptionChecks;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.TrainableLabelerProvider;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.Devices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the {@code scam} and {@code cam} labelers share: both run on the same trained nets (one {@code fixate
 * train-labeler} run serves both) and differ only in how the pipeline fuses their CAMs, which each reads from its
 * own properties. Weights are required: the module ships none, since a labeler is trained on the user's tags.
 */
abstract class ScamFamilyProvider implements TrainableLabelerProvider {

    /** Properties both labelers accept. */
    static final String STAGE = "stage";
    static final String SMOOTHING = "smoothing";
    /** FRL on every net's fused class maps before the CAM is taken: the journal's Table 1 ablation of FRL alone. */
    static final String REFINE = "refine";
    static final List<String> STAGES = List.of("coarse", "fine");
    static final List<String> ON_OFF = List.of("on", "off");
    /** The audio front end the SCAM nets are trained with. */
    static final AudioSpectrogram SPECTROGRAM = new AudioSpectrogram();

    private final ProviderInfo info;
    private final int framesAround;

    /**
     * @param framesAround the frames the maps of a frame read on each side (the smoother's delay is internal to a
     *                     whole-clip call)
     */
    ScamFamilyProvider(String name, List<String> aliases, String description, int framesAround) {
        this.framesAround = framesAround;
        this.info = new ProviderInfo(name, aliases, description, capabilities(List.of()));
    }

    /** One frame each side for SCAM (ST reads t − 1 and t + 1), more for SCAM+. */
    ScamFamilyProvider(String name, List<String> aliases, String description) {
        this(name, aliases, description, 1);
    }

    private Capabilities capabilities(List<String> labels) {
        return Capabilities.builder().usesAudio(AudioRequirement.DEFAULT).frames(framesAround, framesAround)
                .needsWeights().labels(labels).build();
    }

    /** The property keys this labeler accepts. */
    abstract Set<String> properties();

    /** The pipeline configuration the options ask for, at the trained nets' input sizes. */
    abstract PipelineConfig config(ModelOptions options, int coarseSize, int fineSize);

    /** Whether the audio switch gates the SA CAM. */
    abstract boolean audioSwitch(ModelOptions options);

    @Override
    public ProviderInfo info() {
        return info;
    }

    @Override
    public PseudoLabeler open(ModelOptions options) {
        OptionChecks.requireKnownProperties(info.name(), options, properties());
        Path folder = options.weights().orElseThrow(() -> new MissingWeightsException(info.name()
                + " needs trained weights: train them with 'fixate train-labeler --dataset D --out W' and pass W"));
        LabelerWeights weights = LabelerWeights.load(folder, Devices.choose(options));
        try {
            PipelineConfig config = config(options, weights.settings().coarseSize(), weights.settings().fineSize());
            ProviderInfo opened = new ProviderInfo(info.name(), info.aliases(), describe(options, folder),
                    capabilities(weights.labels()));
            ScamPipeline pipeline = ScamPipeline.withNets(config, weights.scamNets(false), weights.scamNets(true),
                    audioSwitch(options) ? new NetAudioRelevance(weights.soundSwitch(), config.coarseInputSize(),
                            SPECTROGRAM, weights.manager()) : AudioRelevance.ALWAYS, SPECTROGRAM, weights.manager());
            return new ScamLabeler(opened, weights, labelling(pipeline, weights, folder, options));
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    /** How a clip is labelled with the pipeline over the SCAM nets: by the pipeline itself. */
    ScamLabeler.Labelling labelling(ScamPipeline pipeline, LabelerWeights weights, Path folder,
                                    ModelOptions options) {
        return pipeline::label;
    }

    @Override
    public Path train(TrainingData data, TrainingRequest request, TrainingMonitor monitor) {
        return LabelerTraining.run(data, request, monitor);
    }

    /**
     * The description of an opened labeler: the provider's, its properties and which weights it runs, so that a record
     * of its maps (a distillation run's) names exactly the labeler that made them.
     */
    private String describe(ModelOptions options, Path folder) {
        Path manifest = folder.resolve(LabelerWeights.MANIFEST);
        try {
            return info.description() + " [properties " + new TreeMap<>(options.properties())
                    + ", weights manifest SHA-256 " + ProviderFiles.sha256Hex(manifest) + "]";
        } catch (IOException e) {
            throw new WeightsException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    /** Whether an on/off property is on. */
    boolean isOn(ModelOptions options, String key) {
        return OptionChecks.choiceProperty(info.name(), options, key, "on", ON_OFF).equals("on");
    }

    String choice(ModelOptions options, String key, String fallback, List<String> choices) {
        return OptionChecks.choiceProperty(info.name(), options, key, fallback, choices);
    }
}
