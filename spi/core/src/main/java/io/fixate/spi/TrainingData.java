package io.fixate.spi;

import io.fixate.api.InvalidOptionsException;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a trainer learns from: a label set (class-index order) and the clips to train on and to validate with. Clips
 * may be tagged, carry recorded gaze, or neither; a trainer says which it needs ({@link #requireTags()} for one that
 * learns from category tags).
 *
 * @param name       what the data is called in reports and manifests, e.g. the dataset's name
 * @param labels     the label set, in class-index order, without duplicates; empty when no clip is tagged
 * @param training   the clips to train on; at least one
 * @param validation the clips to measure on after each epoch; may be empty
 */
public record TrainingData(String name, List<String> labels, List<TrainingClip> training, List<TrainingClip> validation) {

    /**
     * @throws InvalidOptionsException when the label set repeats a label, there is nothing to train on, two clips
     *                                 share an id, or a clip has a tag outside the label set
     */
    public TrainingData {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        training = List.copyOf(training);
        validation = List.copyOf(validation);
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new InvalidOptionsException("training data " + name + " repeats a label: " + labels);
        }
        if (training.isEmpty()) {
            throw new InvalidOptionsException("training data " + name + " has no clips to train on");
        }
        Set<String> ids = new HashSet<>();
        for (TrainingClip clip : concat(training, validation)) {
            if (!ids.add(clip.id())) {
                throw new InvalidOptionsException("training data " + name + " lists clip '" + clip.id() + "' twice");
            }
            Set<String> unknown = new LinkedHashSet<>(clip.tags());
            unknown.removeAll(labels);
            if (!unknown.isEmpty()) {
                throw new InvalidOptionsException("clip '" + clip.id() + "' of " + name
                        + " has tags outside the label set: " + unknown);
            }
        }
    }

    /**
     * Checks what a trainer that learns from category tags needs: at least two labels and a tag on every clip.
     *
     * @throws InvalidOptionsException naming the first clip without a tag, or the too small label set
     */
    public void requireTags() {
        if (labels.size() < 2) {
            throw new InvalidOptionsException("training data " + name + " needs at least two labels to learn "
                    + "categories from, got " + (labels.isEmpty() ? "none" : labels));
        }
        for (TrainingClip clip : concat(training, validation)) {
            if (clip.tags().isEmpty()) {
                throw new InvalidOptionsException("clip '" + clip.id() + "' of " + name + " has no tag; a labeler "
                        + "learns from category tags");
            }
        }
    }

    private static List<TrainingClip> concat(List<TrainingClip> first, List<TrainingClip> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
