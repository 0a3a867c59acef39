package io.fixate.provider.scam;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.WeightsException;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.recipe.LabelerTraining;
import io.fixate.provider.scam.recipe.LabelerWeights;
import io.fixate.spi.OptionChecks;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.TrainableLabelerProvider;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
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
    static final List<String> STAGES = List.of("coarse", "fine");
    static final List<String> ON_OFF = List.of("on", "off");

    private static final Capabilities CAPABILITIES = capabilities(List.of());

    private final ProviderInfo info;

    /** One frame each side: ST reads t − 1 and t + 1. The smoother's delay is internal to a whole-clip call. */
    private static Capabilities capabilities(List<String> labels) {
        return Capabilities.builder().usesAudio(AudioRequirement.DEFAULT).frames(1, 1).needsWeights().labels(labels)
                .build();
    }

    ScamFamilyProvider(String name, List<String> aliases, String description) {
        this.info = new ProviderInfo(name, aliases, description, CAPABILITIES);
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
            return new ScamLabeler(opened, weights, config, audioSwitch(options));
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
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
