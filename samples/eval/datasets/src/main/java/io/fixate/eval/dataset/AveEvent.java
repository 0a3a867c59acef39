package io.fixate.eval.dataset;

import java.util.Objects;

/**
 * One annotated audio-visual event of a video, a line of an AVE-format {@code Annotations.txt}.
 *
 * @param category     the event's category, e.g. {@code "Frying (food)"}
 * @param quality      the annotation's quality field, {@code "good"} throughout AVE
 * @param startSeconds start of the event segment, in seconds from the start of the video
 * @param endSeconds   end of the event segment, in seconds
 */
public record AveEvent(String category, String quality, double startSeconds, double endSeconds) {
    public AveEvent {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(quality, "quality");
    }
}
