/**
 * Example host integration: an editor effect plugin fed by the host's NV12 frames and PCM audio.
 */
module io.fixate.samples.host {
    // Transitive because the plugin takes and gives the api's types.
    requires transitive io.fixate.api;
    requires io.fixate.spi;
    requires io.fixate.codec;

    exports io.fixate.samples.host;
}
