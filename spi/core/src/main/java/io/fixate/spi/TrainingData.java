package io.fixate.spi;

import io.fixate.api.InvalidOptionsException;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a trainer learns from: a label set (class-index order) and the tagged clips to train on and to validate with.
 *
 * @param name       what the data is called in reports and manifests, e.g. the dataset's name
 * @param labels     the label set, in class-index order, without duplicates; at least two
 * @param training   the clips to train on; at least one
 * @param validation the clips to measure on after each epoch; may be empty
 */
public record TrainingData(String name, List<String> labels, List<TaggedClip> training, List<TaggedClip> validation) {

    /**
     * @throws InvalidOptionsException when the label set is too small or repeats a label, there is nothing to train
     *                                 on, two clips share an id, or a clip has no tag or one outside the label set
     */
    public TrainingData {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        training = List.copyOf(training);
        validation = List.copyOf(validation);
        if (labels.size() < 2 || new HashSet<>(labels).size() != labels.size()) {
            throw new InvalidOptionsException("training data " + name + " needs at least two distinct labels, got "
                    + labels);
        }
        if (training.isEmpty()) {
            throw new InvalidOptionsException("training data " + name + " has no clips to train on");
        }
        Set<String> ids = new HashSet<>();
        for (TaggedClip clip : concat(training, validation)) {
            if (!ids.add(clip.id())) {
                throw new InvalidOptionsException("training data " + name + " lists clip '" + clip.id() + "' twice");
            }
            Set<String> unknown = new LinkedHashSet<>(clip.tags());
            unknown.removeAll(labels);
            if (clip.tags().isEmpty() || !unknown.isEmpty()) {
                throw new InvalidOptionsException("clip '" + clip.id() + "' of " + name + " has "
                        + (clip.tags().isEmpty() ? "no tag" : "tags outside the label set: " + unknown));
            }
        }
    }

    private static List<TaggedClip> concat(List<TaggedClip> first, List<TaggedClip> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
