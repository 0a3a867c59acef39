/**
 * The stable contract of Fixate: media value types, the {@link io.fixate.api.FixationPredictor} and
 * {@link io.fixate.api.PseudoLabeler} interfaces, their options and typed errors. This module depends on nothing but
 * the JDK, so hosts can compile against it without pulling in any inference or codec library.
 */
module io.fixate.api {
    exports io.fixate.api;
    // Fixate's one way of writing files whole or not at all, shared by every module that writes. Exported to all,
    // not to Fixate's modules by name: a host may put some of them on the class path, where a qualified export
    // does not reach.
    exports io.fixate.api.files;
}
