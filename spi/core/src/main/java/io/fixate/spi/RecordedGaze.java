package io.fixate.spi;

import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;

import java.util.List;
import java.util.Optional;

/**
 * What real viewers looked at in a {@link TrainingClip}, frame by frame, as an eye-tracking dataset records it: the
 * fixation points and, where the dataset provides one, a density map (fixations blurred over about a degree of visual
 * angle). Frames are counted from 0 in presentation order, as {@link TrainingClip#open} gives them; a frame without
 * a record has no points and no density. Implementations may read lazily; errors are unchecked, like
 * {@link ClipMedia}'s.
 */
public interface RecordedGaze {

    /** The fixations recorded on frame {@code frame}, positions relative to the frame; empty where none were. */
    List<FixationPoint> fixations(int frame);

    /** The density map of frame {@code frame}, where the dataset provides one. */
    Optional<FixationMap> density(int frame);
}
