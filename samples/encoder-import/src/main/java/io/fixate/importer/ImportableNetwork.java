package io.fixate.importer;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.MobileNetV2;

import java.util.List;

/**
 * A network the importer recognises in a TensorFlow Lite file by its layers' shapes, with the SDK blocks its weights
 * go into: the encoder (registered in {@link Encoders}) and the source's classifier on the encoder's output.
 */
enum ImportableNetwork {

    MOBILENET_V2(MobileNetV2.NAME, "imagenet_labels.txt", new Shape(1, 3, 224, 224), new Shape(1, 320, 7, 7),
            new Shape(32, 3, 3, 3), MobileNetV2.CLASSES) {
        @Override
        Block encoder() {
            return Encoders.visual(MobileNetV2.NAME).block();
        }

        @Override
        Block classifier() {
            return MobileNetV2.classifierHead();
        }

        @Override
        List<String> classes(List<String> lines) {
            return lines;
        }
    };

    /** The licence of every network the importer knows (TensorFlow Models, Coral test data). */
    static final String LICENCE = "Apache-2.0";

    private final String encoderName;
    private final String labelsFile;
    private final Shape encoderInput;
    private final Shape classifierInput;
    private final Shape firstLayer;
    private final int classCount;

    ImportableNetwork(String encoderName, String labelsFile, Shape encoderInput, Shape classifierInput,
                      Shape firstLayer, int classCount) {
        this.encoderName = encoderName;
        this.labelsFile = labelsFile;
        this.encoderInput = encoderInput;
        this.classifierInput = classifierInput;
        this.firstLayer = firstLayer;
        this.classCount = classCount;
    }

    /** A fresh, uninitialised encoder block. */
    abstract Block encoder();

    /** A fresh, uninitialised classifier block for the encoder's output. */
    abstract Block classifier();

    /** The class names in a labels file's lines, index by index. */
    abstract List<String> classes(List<String> lines);

    String encoderName() {
        return encoderName;
    }

    /** The usual name of the labels file published beside the network. */
    String labelsFile() {
        return labelsFile;
    }

    Shape encoderInput() {
        return encoderInput;
    }

    Shape classifierInput() {
        return classifierInput;
    }

    int classCount() {
        return classCount;
    }

    /** The network whose first and last layers {@code layers} has, or null. */
    static ImportableNetwork recognise(List<LayerWeights> layers) {
        if (layers.isEmpty()) {
            return null;
        }
        for (ImportableNetwork network : values()) {
            LayerWeights last = layers.get(layers.size() - 1);
            if (layers.get(0).weightShape().equals(network.firstLayer) && last.bias().length == network.classCount) {
                return network;
            }
        }
        return null;
    }
}
