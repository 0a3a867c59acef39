/**
 * The toolkit of providers built on DJL: device choice, checksummed weights files and manifests, the STANet audio
 * front end, frame preprocessing and augmentation, the epoch loop with checkpoints, and in {@code io.fixate.spi.djl.nn}
 * the encoders chosen by name and the blocks of the reference fusion pattern. Providers that do not use DJL never
 * depend on it.
 */
module io.fixate.spi.djl {
    requires transitive io.fixate.spi;
    // Transitive because the toolkit hands out DJL blocks and arrays, and manifests as Gson objects.
    requires transitive ai.djl.api;
    requires transitive com.google.gson;

    exports io.fixate.spi.djl;
    exports io.fixate.spi.djl.nn;
    exports io.fixate.spi.djl.training;
}
