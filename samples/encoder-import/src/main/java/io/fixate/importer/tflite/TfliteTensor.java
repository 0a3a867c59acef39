package io.fixate.importer.tflite;

/**
 * A tensor of a subgraph.
 *
 * @param name         the converter's name for it, for messages
 * @param shape        its dimensions; TensorFlow Lite lays out convolution weights as (out, kh, kw, in) and
 *                     depthwise ones as (1, kh, kw, channels)
 * @param type         its element type
 * @param buffer       index of the model buffer holding its constant data (empty for activations)
 * @param quantisation its quantisation parameters, {@link TfliteQuantisation#isPresent() absent} for float tensors
 */
public record TfliteTensor(String name, int[] shape, TensorType type, int buffer, TfliteQuantisation quantisation) {

    /** Number of elements its shape holds. */
    public long elements() {
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return count;
    }
}
