/**
 * An example third-party provider: the classical {@code classic-baseline} fixation predictor, written only against
 * the Fixate api and spi modules. It needs no weights and no inference engine, which makes it a reference for
 * provider authors and an honest lower bound for the learned models.
 */
module io.fixate.samples.baseline {
    requires io.fixate.spi;

    provides io.fixate.spi.PredictorProvider with io.fixate.samples.baseline.ClassicBaselineProvider;
}
