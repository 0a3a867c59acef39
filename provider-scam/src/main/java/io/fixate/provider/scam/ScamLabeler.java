package io.fixate.provider.scam;

import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.provider.scam.labeling.AudioRelevance;
import io.fixate.provider.scam.labeling.NetAudioRelevance;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.labeling.ScamPipeline;
import io.fixate.provider.scam.recipe.LabelerWeights;
import io.fixate.spi.djl.AudioSpectrogram;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link PseudoLabeler} over trained SCAM nets: one {@link ScamPipeline} run per clip, for the clip's one tag.
 * Calls are serialised (the nets' per-frame work shares one native manager); maps go to the sink as the pipeline
 * produces them, so memory does not grow with the clip.
 */
final class ScamLabeler implements PseudoLabeler {

    private final ProviderInfo info;
    private final LabelerWeights weights;
    private final ScamPipeline pipeline;

    ScamLabeler(ProviderInfo info, LabelerWeights weights, PipelineConfig config, boolean audioSwitch) {
        this.info = info;
        this.weights = weights;
        AudioSpectrogram spectrogram = new AudioSpectrogram();
        AudioRelevance relevance = audioSwitch ? new NetAudioRelevance(weights.soundSwitch(), config.coarseInputSize(),
                spectrogram, weights.manager()) : AudioRelevance.ALWAYS;
        this.pipeline = ScamPipeline.withNets(config, weights.scamNets(false), weights.scamNets(true), relevance,
                spectrogram, weights.manager());
    }

    @Override
    public ProviderInfo info() {
        return info;
    }

    /**
     * @throws InvalidOptionsException when more than one tag is given: the maps are those of one class
     */
    @Override
    public synchronized void label(Iterable<FrameWithAudio> clip, Set<String> tags, Consumer<FixationMap> sink) {
        requireKnownTags(tags);
        if (tags.size() != 1) {
            throw new InvalidOptionsException(info.name() + " labels a clip for one tag at a time, got " + tags);
        }
        pipeline.label(clip, labels().indexOf(tags.iterator().next()), sink);
    }

    @Override
    public synchronized void close() {
        weights.close();
    }
}
