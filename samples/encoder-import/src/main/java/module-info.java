/**
 * The encoder importer: reads pretrained TensorFlow Lite networks with its own FlatBuffer reader
 * ({@code io.fixate.importer.tflite}), dequantises their weights and writes the SDK's checksummed encoder weights
 * with a record of the source file ({@code io.fixate.importer}). A tool: providers load only the weights it writes.
 */
module io.fixate.importer {
    requires io.fixate.spi.djl;
    requires ai.djl.api;
    requires com.google.gson;

    exports io.fixate.importer;
    exports io.fixate.importer.tflite;
}
