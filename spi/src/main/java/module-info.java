/**
 * The provider side of Fixate. {@code io.fixate.spi} holds what a model author implements ({@link
 * io.fixate.spi.PredictorProvider}, {@link io.fixate.spi.LabelerProvider}) and the session base class that handles
 * presentation order and look-ahead; {@code io.fixate} holds the {@link io.fixate.Fixate} discovery facade, which
 * lives here rather than in the api module because it must name the provider interfaces it loads and JPMS forbids
 * the api and spi modules from reading each other. {@code io.fixate.spi.djl} is an optional toolkit for providers
 * built on DJL (device choice, checksummed weights, the audio front end); DJL is only needed when that package is
 * used, so it is a static requirement and a provider on DJL requires {@code ai.djl.api} itself.
 */
module io.fixate.spi {
    requires transitive io.fixate.api;
    requires static ai.djl.api;
    requires static com.google.gson;

    exports io.fixate;
    exports io.fixate.spi;
    exports io.fixate.spi.djl;
    exports io.fixate.spi.djl.nn;

    uses io.fixate.spi.PredictorProvider;
    uses io.fixate.spi.LabelerProvider;
}
