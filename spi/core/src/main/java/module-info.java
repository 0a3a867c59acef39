/**
 * The provider side of Fixate. {@code io.fixate.spi} holds what a model author implements ({@link
 * io.fixate.spi.PredictorProvider}, {@link io.fixate.spi.LabelerProvider}) and the session base class that handles
 * presentation order and look-ahead; {@code io.fixate} holds the {@link io.fixate.Fixate} discovery facade, which
 * lives here rather than in the api module because it must name the provider interfaces it loads and JPMS forbids
 * the api and spi modules from reading each other. It depends on the api alone: providers built on DJL find what
 * they share in {@code io.fixate.spi.djl}, a module of its own.
 */
module io.fixate.spi {
    requires transitive io.fixate.api;

    exports io.fixate;
    exports io.fixate.spi;

    uses io.fixate.spi.PredictorProvider;
    uses io.fixate.spi.LabelerProvider;
}
