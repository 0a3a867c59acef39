package io.fixate.importer;

import ai.djl.ndarray.types.Shape;
import io.fixate.importer.tflite.TfliteModel;
import io.fixate.importer.tflite.TfliteOperator;
import io.fixate.importer.tflite.TfliteTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The weights and bias (empty when the operator has none) of one convolution or fully connected operator of a
 * TensorFlow Lite model, dequantised and laid out as DJL's layers hold them: convolution kernels (out, in / groups,
 * kh, kw) from TensorFlow Lite's (out, kh, kw, in), depthwise kernels (channels, 1, kh, kw) from (1, kh, kw,
 * channels), fully connected (out, in) unchanged.
 */
record LayerWeights(String name, Shape weightShape, float[] weight, float[] bias) {

    /** The layers of {@code model} with weights, in the order its operators run. */
    static List<LayerWeights> of(TfliteModel model) {
        List<LayerWeights> layers = new ArrayList<>();
        for (TfliteOperator operator : model.operators()) {
            int code = operator.builtinCode();
            if (code != TfliteModel.CONV_2D && code != TfliteModel.DEPTHWISE_CONV_2D
                    && code != TfliteModel.FULLY_CONNECTED) {
                continue;
            }
            if (operator.inputs().length < 2 || operator.inputs()[1] < 0) {
                throw new CorruptModelFileException(model.name() + ": a layer without weights");
            }
            TfliteTensor weights = model.tensors().get(operator.inputs()[1]);
            float[] values = model.values(operator.inputs()[1]);
            boolean hasBias = operator.inputs().length > 2 && operator.inputs()[2] >= 0;
            float[] bias = hasBias ? model.values(operator.inputs()[2]) : new float[0];
            int[] shape = weights.shape();
            if (shape.length != (code == TfliteModel.FULLY_CONNECTED ? 2 : 4)) {
                throw new UnknownNetworkException(model.name() + ": layer " + weights.name() + " has weights of "
                        + shape.length + " dimensions");
            }
            LayerWeights layer = switch (code) {
                case TfliteModel.CONV_2D -> new LayerWeights(weights.name(),
                        new Shape(shape[0], shape[3], shape[1], shape[2]), channelsFirst(values, shape), bias);
                case TfliteModel.DEPTHWISE_CONV_2D -> new LayerWeights(weights.name(),
                        new Shape(shape[3], 1, shape[1], shape[2]), depthwiseFirst(values, shape), bias);
                default -> new LayerWeights(weights.name(), new Shape(shape[0], shape[1]), values, bias);
            };
            layers.add(layer);
        }
        return layers;
    }

    /** (O, kh, kw, I) to (O, I, kh, kw). */
    private static float[] channelsFirst(float[] values, int[] shape) {
        int out = shape[0];
        int height = shape[1];
        int width = shape[2];
        int in = shape[3];
        float[] result = new float[values.length];
        for (int o = 0; o < out; o++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int i = 0; i < in; i++) {
                        result[((o * in + i) * height + y) * width + x] =
                                values[((o * height + y) * width + x) * in + i];
                    }
                }
            }
        }
        return result;
    }

    /** (1, kh, kw, C) to (C, 1, kh, kw). */
    private static float[] depthwiseFirst(float[] values, int[] shape) {
        int height = shape[1];
        int width = shape[2];
        int channels = shape[3];
        float[] result = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    result[(c * height + y) * width + x] = values[(y * width + x) * channels + c];
                }
            }
        }
        return result;
    }
}
