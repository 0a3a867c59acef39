package io.fixate.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a tagged clip into pseudo-fixation maps: where a viewer would look, given what the clip is known to show.
 * Tags must come from {@link #labels()}. Thread-safety as for {@link FixationPredictor}: shareable, and each call is
 * independent.
 */
public interface PseudoLabeler extends AutoCloseable {

    /** Name, description and capabilities, including the label set. */
    ProviderInfo info();

    /** The category tags this labeler knows. */
    default List<String> labels() {
        return info().capabilities().labels();
    }

    /**
     * Labels a whole clip, handing one map per frame to {@code sink} in presentation order. The clip may be iterated
     * more than once (labelers may work in several passes), so pass a re-iterable source.
     *
     * @throws UnknownTagException if a tag is not in {@link #labels()}, or no tag is given
     */
    void label(Iterable<FrameWithAudio> clip, Set<String> tags, Consumer<FixationMap> sink);

    /** Labels a whole clip and returns one map per frame, in presentation order. */
    default List<FixationMap> label(Iterable<FrameWithAudio> clip, Set<String> tags) {
        List<FixationMap> maps = new ArrayList<>();
        label(clip, tags, maps::add);
        return maps;
    }

    /**
     * Checks tags against {@link #labels()}, for implementations to call first.
     *
     * @throws UnknownTagException naming the unknown tags and listing the valid ones
     */
    default void requireKnownTags(Set<String> tags) {
        Set<String> unknown = new LinkedHashSet<>(tags);
        unknown.removeAll(labels());
        if (tags.isEmpty() || !unknown.isEmpty()) {
            throw new UnknownTagException(tags.isEmpty() ? Set.of("(none given)") : unknown, labels());
        }
    }

    /** Releases the model. */
    @Override
    void close();
}
