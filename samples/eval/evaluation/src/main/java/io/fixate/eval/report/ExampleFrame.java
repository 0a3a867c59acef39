package io.fixate.eval.report;

import io.fixate.eval.metrics.Grid;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One frame shown in a report's example grid: the picture, its ground truth and each model's prediction.
 *
 * @param video       the video's id
 * @param frameIndex  the frame's 0-based index in the video
 * @param picture     the frame itself
 * @param groundTruth the ground-truth density
 * @param predictions each model's map, by model name, in report order
 */
public record ExampleFrame(String video, int frameIndex, BufferedImage picture, Grid groundTruth,
                           Map<String, Grid> predictions) {
    public ExampleFrame {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(groundTruth, "groundTruth");
        predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
    }
}
