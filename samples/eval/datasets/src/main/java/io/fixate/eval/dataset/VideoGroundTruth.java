package io.fixate.eval.dataset;

/**
 * Per-frame ground truth of one video, read frame by frame from disk as asked: only what a video needs to find its
 * frames (for the benchmark, its fixation points) is held in memory. Not thread-safe.
 */
public interface VideoGroundTruth {

    /** Number of frames with ground truth. */
    int frameCount();

    /**
     * The ground truth of frame {@code index} (0-based, the same index as the video's frames).
     *
     * @throws IndexOutOfBoundsException                 if {@code index} is not in {@code [0, frameCount())}
     * @throws io.fixate.api.CorruptMediaException       if a map file is damaged or the two maps differ in size,
     *                                                   naming the file
     * @throws io.fixate.api.UnsupportedMediaException   if a map file is readable but in a format not supported (a
     *                                                   MATLAB v7.3 file)
     * @throws java.io.UncheckedIOException             if a map file is missing or unreadable
     */
    GroundTruth frame(int index);
}
