package io.fixate.spi;

import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a predictor's targets on clips without recorded gaze: a {@link PseudoLabeler} (weak supervision from
 * category tags, as the papers distil SCAM into STANet), any {@link FixationPredictor} (for example a spatial model
 * trained on eye-tracking data teaching untagged real footage), or nobody, when every clip carries its own
 * {@link RecordedGaze}. The teacher stays open and owned by the caller.
 */
public sealed interface Teacher {

    /** A teacher that labels clips of exactly one tag; untagged or several-tag clips are left to other targets. */
    static Teacher of(PseudoLabeler labeler) {
        return new Labeler(labeler);
    }

    /** A teacher that predicts every clip, tags or not. */
    static Teacher of(FixationPredictor predictor) {
        return new Predictor(predictor);
    }

    /** No teacher: only clips with recorded gaze are learnt from. */
    static Teacher none() {
        return None.INSTANCE;
    }

    /** Who teaches, as a run's manifest records it; empty for {@link #none()}. */
    Optional<ProviderInfo> info();

    /** Why this teacher cannot make {@code clip}'s targets, or empty when it can. */
    Optional<String> refusal(TrainingClip clip);

    /**
     * The teacher's map of each of {@code media}'s frames, in order.
     *
     * @throws IllegalArgumentException when {@link #refusal} refuses the clip
     */
    List<FixationMap> maps(TrainingClip clip, ClipMedia media);

    /** A pseudo-labeler asked with the clip's one tag. */
    record Labeler(PseudoLabeler labeler) implements Teacher {

        public Labeler {
            Objects.requireNonNull(labeler, "labeler");
        }

        @Override
        public Optional<ProviderInfo> info() {
            return Optional.of(labeler.info());
        }

        @Override
        public Optional<String> refusal(TrainingClip clip) {
            // the labelers learn one category per clip, so a map for several tags would mean nothing
            return clip.tags().size() == 1 ? Optional.empty()
                    : Optional.of(clip.tags().isEmpty() ? "no tag" : clip.tags().size() + " tags");
        }

        @Override
        public List<FixationMap> maps(TrainingClip clip, ClipMedia media) {
            refusal(clip).ifPresent(reason -> {
                throw new IllegalArgumentException("labeler teacher cannot label " + clip.id() + ": " + reason);
            });
            return labeler.label(media, clip.tags());
        }
    }

    /** A fixation predictor run over the whole clip. */
    record Predictor(FixationPredictor predictor) implements Teacher {

        public Predictor {
            Objects.requireNonNull(predictor, "predictor");
        }

        @Override
        public Optional<ProviderInfo> info() {
            return Optional.of(predictor.info());
        }

        @Override
        public Optional<String> refusal(TrainingClip clip) {
            return Optional.empty();
        }

        @Override
        public List<FixationMap> maps(TrainingClip clip, ClipMedia media) {
            return predictor.predictClip(media);
        }
    }

    /** The absent teacher. */
    enum None implements Teacher {
        INSTANCE;

        @Override
        public Optional<ProviderInfo> info() {
            return Optional.empty();
        }

        @Override
        public Optional<String> refusal(TrainingClip clip) {
            return Optional.of("no recorded gaze and no teacher");
        }

        @Override
        public List<FixationMap> maps(TrainingClip clip, ClipMedia media) {
            throw new IllegalArgumentException("no teacher to label " + clip.id());
        }
    }
}
