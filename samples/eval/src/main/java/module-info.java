/**
 * Evaluation of fixation predictions against human eye-tracking data. {@code io.fixate.eval.metrics} holds the six
 * frame-level saliency metrics (AUC-Judd, shuffled AUC, NSS, CC, SIM, KLD) with the MIT saliency benchmark / STAViS
 * conventions and their pysaliency variants, and the averaging used to report them per video and per dataset.
 * {@code io.fixate.eval.synth} generates the seeded procedural audio-visual benchmark with known ground truth.
 */
module io.fixate.eval {
    requires transitive io.fixate.api;
    requires io.fixate.codec;
    requires com.google.gson;

    exports io.fixate.eval.metrics;
    exports io.fixate.eval.synth;
}
