/**
 * Example host integrations: an editor effect plugin fed by the host's NV12 frames and PCM audio, and an encoder
 * host's feed that hands each picture back with the QP offsets to encode it with.
 */
module io.fixate.samples.host {
    // Transitive because the plugin takes and gives the api's types.
    requires transitive io.fixate.api;
    requires io.fixate.spi;
    requires io.fixate.codec;
    // Transitive because the encoder feed takes and gives the roi module's types.
    requires transitive io.fixate.codec.roi;

    exports io.fixate.samples.host;
}
