package io.fixate.eval.dataset;

/** The on-disk layouts {@link Datasets} reads. */
public enum DatasetLayout {
    /** The Fixate procedural benchmark, format {@code fixate-benchmark/1}: tagged clips with density and fixations. */
    BENCHMARK(true, false),
    /** The AVE audio-visual event dataset: tagged clips with event segments, no eye-tracking ground truth. */
    AVE(false, false),
    /** One eye-tracking database as distributed for the STAViS code: frame folders, wav, density and fixation maps. */
    STAVIS(true, true),
    /**
     * The OSIE still images with their recorded fixations, each image a silent one-frame clip: the fixation map is 1
     * at each fixated pixel of the image (all viewers pooled; 1-based positions rounded, off-image ones dropped) and
     * the density is that map blurred by a Gaussian of σ = 24 px, scaled to a maximum of 1, both at the image's size.
     */
    OSIE(true, true),
    /** DHF1K: per-frame density and fixation map pictures, frames in folders or video files. */
    DHF1K(true, true),
    /** A plain folder of video files: untagged, no ground truth, every video to train on. */
    MEDIA_FOLDER(false, false);

    private final boolean groundTruth;
    private final boolean realGaze;

    DatasetLayout(boolean groundTruth, boolean realGaze) {
        this.groundTruth = groundTruth;
        this.realGaze = realGaze;
    }

    /** Whether videos of this layout carry per-frame ground truth (density and fixation maps). */
    public boolean hasGroundTruth() {
        return groundTruth;
    }

    /**
     * Whether that ground truth was recorded from real viewers with an eye tracker, so a predictor may learn from it;
     * the benchmark's is generated from its scene script, which only the evaluation may see.
     */
    public boolean recordsRealGaze() {
        return realGaze;
    }
}
