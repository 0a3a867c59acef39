/**
 * The stable contract of Fixate: media value types, the {@link io.fixate.api.FixationPredictor} and
 * {@link io.fixate.api.PseudoLabeler} interfaces, their options and typed errors. This module depends on nothing but
 * the JDK, so hosts can compile against it without pulling in any inference or codec library.
 */
module io.fixate.api {
    exports io.fixate.api;
}
