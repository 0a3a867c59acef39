package io.fixate.eval.metrics;

/** The six frame-level saliency metrics, with the abbreviations papers print. */
public enum Metric {
    /** Area under the ROC curve with the fixated values as thresholds (Judd et al.); higher is better. */
    AUC_JUDD("AUC-J", true),
    /** AUC against fixations of other frames as negatives, which discounts centre bias; higher is better. */
    SHUFFLED_AUC("sAUC", true),
    /** Normalized scanpath saliency: mean z-scored prediction at fixations; higher is better. */
    NSS("NSS", true),
    /** Pearson linear correlation coefficient with the ground-truth density; higher is better. */
    CC("CC", true),
    /** Similarity (histogram intersection) with the ground-truth density; higher is better. */
    SIM("SIM", true),
    /** Kullback–Leibler divergence of the prediction from the ground-truth density; lower is better. */
    KLD("KLD", false);

    private final String label;
    private final boolean higherIsBetter;

    Metric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The abbreviation papers print, e.g. {@code AUC-J}. */
    public String label() {
        return label;
    }

    /** Whether a larger score means a better prediction. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
