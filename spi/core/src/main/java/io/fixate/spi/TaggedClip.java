package io.fixate.spi;

import io.fixate.api.AudioRequirement;

import java.util.Set;

/**
 * A video known to show the categories of its tags, as a trainer reads it. The host decides where clips come from (a
 * dataset on disk, a media library); the trainer reads frames only through {@link #open}, as often as it needs.
 */
public interface TaggedClip {

    /** An id that is unique within its {@link TrainingData} and stable across runs. */
    String id();

    /** The clip's category tags, each among {@link TrainingData#labels()}; at least one. */
    Set<String> tags();

    /**
     * What identifies the clip's content, for example a checksum of its file; a trainer folds it into the data hash
     * of its manifest, so that weights record exactly what they were trained on.
     */
    String fingerprint();

    /** The clip's frames, each with the audio window {@code audio} asks for (silent where the clip has no sound). */
    ClipMedia open(AudioRequirement audio);
}
