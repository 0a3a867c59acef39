/**
 * Readers of the datasets models are scored and trained on: the Fixate benchmark, AVE (tags only) and the STAViS
 * layout of the audio-visual eye-tracking sets, each giving videos with their ground truth.
 */
module io.fixate.eval.dataset {
    requires transitive io.fixate.eval.metrics;
    // Transitive because ground truth and media are handed out as codec types and BufferedImages.
    requires transitive io.fixate.codec;
    requires com.google.gson;
    requires us.hebi.matlab.mat.mfl.core;

    exports io.fixate.eval.dataset;
}
