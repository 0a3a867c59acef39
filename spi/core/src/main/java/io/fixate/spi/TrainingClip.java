package io.fixate.spi;

import io.fixate.api.AudioRequirement;

import java.util.Optional;
import java.util.Set;

/**
 * A video (or a still image seen as a one-frame clip) as a trainer reads it: with category tags when its category is
 * known, with what real viewers looked at when it was recorded with an eye tracker, or with neither, in which case a
 * {@link Teacher} makes its targets. The host decides where clips come from (a dataset on disk, a media library); the
 * trainer reads frames only through {@link #open}, as often as it needs.
 */
public interface TrainingClip {

    /** An id that is unique within its {@link TrainingData} and stable across runs. */
    String id();

    /** The clip's category tags, each among {@link TrainingData#labels()}; empty when its category is unknown. */
    Set<String> tags();

    /**
     * What identifies the clip's content, its recorded gaze included, for example a checksum of its files; a trainer
     * folds it into the data hash of its manifest, so that weights record exactly what they were trained on.
     */
    String fingerprint();

    /** The clip's frames, each with the audio window {@code audio} asks for (silent where the clip has no sound). */
    ClipMedia open(AudioRequirement audio);

    /** What real viewers looked at in this clip, where an eye tracker recorded it; empty by default. */
    default Optional<RecordedGaze> gaze() {
        return Optional.empty();
    }
}
