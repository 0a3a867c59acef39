package io.fixate.provider.scam;

import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.provider.scam.recipe.LabelerWeights;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link PseudoLabeler} over trained SCAM (or SCAM+) nets: one pipeline run per clip, for the clip's one tag.
 * Calls are serialised (the nets' per-frame work shares one native manager); maps go to the sink as the pipeline
 * produces them, so memory does not grow with the clip.
 */
final class ScamLabeler implements PseudoLabeler {

    private final ProviderInfo info;
    private final LabelerWeights weights;
    private final Labelling pipeline;

    /** Labels one clip for one tag (index among the labels), map by map in frame order. */
    @FunctionalInterface
    interface Labelling {
        void label(Iterable<FrameWithAudio> clip, int tag, Consumer<FixationMap> sink);
    }

    /** @param pipeline runs on nets whose parameters {@code weights} holds, released by {@link #close()} */
    ScamLabeler(ProviderInfo info, LabelerWeights weights, Labelling pipeline) {
        this.info = info;
        this.weights = weights;
        this.pipeline = pipeline;
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
