/**
 * Evaluation of fixation predictions against human eye-tracking data. {@code io.fixate.eval.metrics} holds the six
 * frame-level saliency metrics (AUC-Judd, shuffled AUC, NSS, CC, SIM, KLD) with the MIT saliency benchmark / STAViS
 * conventions and their pysaliency variants, and the averaging used to report them per video and per dataset.
 * {@code io.fixate.eval.dataset} reads the datasets they are computed on: the Fixate benchmark, AVE and the STAViS
 * eye-tracking sets; {@code io.fixate.eval.synth} generates the seeded procedural audio-visual benchmark with known
 * ground truth; {@code io.fixate.eval.evaluation} scores models on a dataset and {@code io.fixate.eval.report} renders
 * the results as tables, JSON and HTML.
 */
module io.fixate.eval {
    requires transitive io.fixate.api;
    // Transitive because reports take the frames they show as java.awt.image.BufferedImage.
    requires transitive java.desktop;
    requires io.fixate.codec;
    requires com.google.gson;
    requires us.hebi.matlab.mat.mfl.core;

    exports io.fixate.eval.dataset;
    exports io.fixate.eval.evaluation;
    exports io.fixate.eval.metrics;
    exports io.fixate.eval.report;
    exports io.fixate.eval.synth;
}
