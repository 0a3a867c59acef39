/**
 * Readers of the datasets models are scored and trained on: the Fixate benchmark, AVE (tags only) and the STAViS
 * layout of the audio-visual eye-tracking sets, each giving videos with their ground truth, and seen as the spi's
 * training data by {@link io.fixate.eval.dataset.DatasetClips}.
 */
module io.fixate.eval.dataset {
    requires transitive io.fixate.eval.metrics;
    // Transitive because ground truth and media are handed out as codec types and BufferedImages.
    requires transitive io.fixate.codec;
    // Transitive because datasets are handed to trainers as the spi's TrainingData.
    requires transitive io.fixate.spi;
    requires com.google.gson;
    requires us.hebi.matlab.mat.mfl.core;

    exports io.fixate.eval.dataset;
}
