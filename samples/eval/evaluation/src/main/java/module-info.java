/**
 * Scores predictors and saved predictions on a dataset: {@code io.fixate.eval.evaluation} runs every metric against
 * the references (centre bias, uniform, ground-truth bounds) and {@code io.fixate.eval.report} renders the results as
 * tables, JSON and HTML. The metrics, the dataset readers and the synthetic benchmark are modules of their own.
 */
module io.fixate.eval {
    requires transitive io.fixate.eval.dataset;
    // Transitive because reports take the frames they show as java.awt.image.BufferedImage.
    requires transitive java.desktop;
    requires io.fixate.codec;
    // Transitive because a report's record is handed out as a Gson object.
    requires transitive com.google.gson;

    exports io.fixate.eval.evaluation;
    exports io.fixate.eval.report;
}
