/**
 * The six frame-level saliency metrics (AUC-Judd, shuffled AUC, NSS, CC, SIM, KLD) with the MIT saliency benchmark /
 * STAViS conventions and their pysaliency variants, and the averaging used to report them per video and per dataset.
 * Depends on the api alone, so that any tool can score maps without a codec or an inference engine.
 */
module io.fixate.eval.metrics {
    requires transitive io.fixate.api;

    exports io.fixate.eval.metrics;
}
