package io.fixate.eval.dataset;

/** The on-disk layouts {@link Datasets} reads. */
public enum DatasetLayout {
    /** The Fixate procedural benchmark, format {@code fixate-benchmark/1}: tagged clips with density and fixations. */
    BENCHMARK(true),
    /** The AVE audio-visual event dataset: tagged clips with event segments, no eye-tracking ground truth. */
    AVE(false),
    /** One eye-tracking database as distributed for the STAViS code: frame folders, wav, density and fixation maps. */
    STAVIS(true);

    private final boolean groundTruth;

    DatasetLayout(boolean groundTruth) {
        this.groundTruth = groundTruth;
    }

    /** Whether videos of this layout carry per-frame ground truth (density and fixation maps). */
    public boolean hasGroundTruth() {
        return groundTruth;
    }
}
