package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where one layout keeps a video's media and ground truth; each call reads from disk. */
interface VideoSource {

    /** The video file, or the folder of its frames. */
    Path location();

    VideoFormat readFormat();

    VideoMedia openMedia(AudioRequirement audio);

    Optional<VideoGroundTruth> openGroundTruth();

    /**
     * What identifies the ground truth a training clip learns from (its map files, or its points); asked of a
     * layout that records real eye tracking, and of the benchmark when a run learns from its generated ground truth.
     */
    default String groundTruthFingerprint() {
        throw new UnsupportedOperationException(location() + " has no recorded gaze");
    }

    /** What the clip tests, for per-scenario reports; empty where the layout does not say. */
    default List<String> readScenarios() {
        return List.of();
    }

    /** The frames where the clip's context decides where people look; empty where the layout does not say. */
    default List<Integer> readContextFrames() {
        return List.of();
    }
}
