/**
 * The stable contract of Fixate: media value types, the {@link io.fixate.api.FixationPredictor} and
 * {@link io.fixate.api.PseudoLabeler} interfaces, their options and typed errors. This module depends on nothing but
 * the JDK, so hosts can compile against it without pulling in any inference or codec library.
 */
module io.fixate.api {
    exports io.fixate.api;
    // Fixate's one way of writing files whole or not at all, shared by every module that writes; not part of the
    // contract, so exported to those modules alone.
    exports io.fixate.api.files to io.fixate.spi, io.fixate.spi.djl, io.fixate.codec, io.fixate.eval.synth,
            io.fixate.eval, io.fixate.cli;
}
