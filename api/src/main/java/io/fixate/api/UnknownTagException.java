package io.fixate.api;

import java.util.List;
import java.util.Set;

/** A category tag is not in the labeler's label set; the message and {@link #validTags()} list the valid ones. */
public class UnknownTagException extends InvalidOptionsException {
    private static final long serialVersionUID = 1L;

    private final List<String> validTags;

    public UnknownTagException(Set<String> unknown, List<String> validTags) {
        super("unknown tag(s) " + String.join(", ", unknown) + "; valid tags: " + String.join(", ", validTags));
        this.validTags = List.copyOf(validTags);
    }

    /** The labeler's label set. */
    public List<String> validTags() {
        return validTags;
    }
}
