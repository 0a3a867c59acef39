package io.fixate.importer.tflite;

/**
 * One operator of a subgraph, in execution order.
 *
 * @param builtinCode the schema's {@code BuiltinOperator} code, e.g. {@link TfliteModel#CONV_2D}
 * @param inputs      indices of its input tensors (-1 for an omitted optional input)
 * @param outputs     indices of its output tensors
 */
public record TfliteOperator(int builtinCode, int[] inputs, int[] outputs) {
}
