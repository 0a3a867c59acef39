package io.fixate.eval.metrics;

/** Which reference implementation's rules a metric follows; every reported number should say which. */
public enum Convention {
    /**
     * The MIT saliency benchmark Matlab code ({@code cvzoya/saliency}), which the STAViS evaluation scripts call
     * unchanged: the prediction is resized to the target with Matlab's bicubic {@code imresize}, fixation maps count
     * each pixel once, and NaN comes back wherever Matlab returns it.
     */
    MIT("MIT/STAViS"),
    /**
     * pysaliency ({@code matthias-k/pysaliency}): no resizing (shapes must match), a fixation map is read as fixation
     * counts (a pixel of value k stands for k fixations), population standard deviations, and degenerate maps
     * mostly give 0 or a uniform density instead of NaN.
     */
    PYSALIENCY("pysaliency");

    private final String label;

    Convention(String label) {
        this.label = label;
    }

    /** The name reports print next to a score. */
    public String label() {
        return label;
    }
}
